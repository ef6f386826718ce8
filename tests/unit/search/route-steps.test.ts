import { describe, expect, it } from 'vitest';
import { routeStep, type ChatInfo } from '#lib/route-steps.ts';

const chat: ChatInfo = {
	label: 'Support chat',
	url: 'https://chat.example.com/x',
	hours: 'Monday to Friday, 07:00–17:00 MSK',
	status: 'Open now',
};

describe('routeStep', () => {
	it('prefills the forum topic and the tickets with the question', () => {
		expect(routeStep('forum', 'Change the cart design', chat).href).toBe(
			'/forum/new?category=custom-development&title=Change+the+cart+design',
		);
		expect(routeStep('ticket', 'Prices & markup', chat).href).toBe(
			'/tickets/new?subject=Prices+%26+markup',
		);
		const urgent = routeStep('urgent', 'Site is down', chat);
		expect(urgent.href).toBe('/tickets/new?severity=1&subject=Site+is+down');
		expect(urgent.note).toMatch(/within an hour, day and night/);
	});

	it('sends chat questions to the chat link with its hours', () => {
		const step = routeStep('chat', 'Pay for the key', chat);
		expect(step).toMatchObject({ href: chat.url, external: true });
		expect(step.note).toContain('07:00–17:00 MSK');
	});

	it('cuts long questions for prefilling', () => {
		const href = routeStep('ticket', 'x'.repeat(500), chat).href;
		expect(new URL(href, 'http://h').searchParams.get('subject')).toHaveLength(150);
	});

	it('says "right place" on the form the route leads to', () => {
		expect(routeStep('ticket', 'broken', chat, 'ticket')).toMatchObject({ href: '', action: '' });
		expect(routeStep('forum', 'design', chat, 'topic').href).toBe('');
		expect(routeStep('forum', 'design', chat, 'ticket').href).toMatch(/^\/forum\/new/);
	});
});
