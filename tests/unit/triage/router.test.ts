import { describe, expect, it } from 'vitest';
import { ROUTES, routeQuestion, type Route } from '#server/triage/router.ts';

// Written for this test only: none of these is in the training data, holdouts or dev set.
const CASES: readonly (readonly [Route, 'en' | 'ru', string])[] = [
	['self_service', 'en', 'How do I set up automatic translation of product reviews?'],
	['self_service', 'ru', 'Где настроить автоматический перевод отзывов?'],
	['forum', 'en', 'We need someone to build a custom size chart popup for clothing items'],
	['forum', 'ru', 'Нужен разработчик, чтобы сделать таблицу размеров для одежды'],
	['ticket', 'en', "The coupon field disappeared from the cart after yesterday's update"],
	['ticket', 'ru', 'После вчерашнего обновления пропало поле для купона в корзине'],
	['urgent', 'en', 'Help! The website has been returning a 502 error since midnight'],
	['urgent', 'ru', 'Помогите, сайт с полуночи выдает ошибку 502'],
	['chat', 'en', 'Could you tell me how much a license for two domains would cost?'],
	['chat', 'ru', 'Сколько будет стоить лицензия на два домена?'],
];

describe('routeQuestion', () => {
	it.each(CASES)('routes to %s (%s): %s', (route, lang, question) => {
		const d = routeQuestion(question);
		expect(d.route).toBe(route);
		expect(d.lang).toBe(lang);
		expect(d.confidence).toBeGreaterThan(0.5);
	});

	it('explains in the language of the question', () => {
		for (const [, lang, question] of CASES) {
			const { reason } = routeQuestion(question);
			const cyrillic = (reason.match(/[а-яё]/gi) ?? []).length;
			const latin = (reason.replace(/Severity 1/g, '').match(/[a-z]/gi) ?? []).length;
			if (lang === 'ru') expect(cyrillic).toBeGreaterThan(latin);
			else expect(cyrillic).toBe(0);
		}
	});

	it('gives one sentence per reason', () => {
		for (const [, , question] of CASES) {
			const { reason } = routeQuestion(question);
			expect(reason).toMatch(/\.$/);
			expect(reason.slice(0, -1)).not.toMatch(/[.!?]\s+[A-ZА-Я]/);
		}
	});

	it('quotes the words that decided it as the person typed them', () => {
		expect(routeQuestion('Our SITE is down and nobody can buy').reason).toContain('"SITE is down"');
		expect(routeQuestion('Фильтр НЕ РАБОТАЕТ в каталоге').reason).toContain('«НЕ РАБОТАЕТ»');
	});

	it('tells paying for the key (chat) from setting up payments for buyers (manuals)', () => {
		expect(routeQuestion('How do I pay for the key renewal by card?').route).toBe('chat');
		expect(routeQuestion('How do I let buyers pay by card on my storefront?').route).toBe(
			'self_service',
		);
	});

	it('does not read "customers" as a customization cue', () => {
		expect(routeQuestion('Email notifications stopped arriving to customers').route).toBe('ticket');
	});

	it('sends input without words to the manuals with confidence 0', () => {
		for (const text of ['', '   ', '?!', '...']) {
			const d = routeQuestion(text);
			expect(d).toMatchObject({ route: 'self_service', confidence: 0, lang: 'en' });
			expect(d.reason.length).toBeGreaterThan(10);
		}
	});

	it('asks for more words when a fragment says too little', () => {
		const en = routeQuestion('price');
		expect(en.route).toBe('self_service');
		expect(en.confidence).toBeLessThan(0.5);
		expect(en.reason).toMatch(/few more words/);
		expect(routeQuestion('заказ').reason).toMatch(/мало слов/);
	});

	it('still routes a short phrase with a clear cue', () => {
		expect(routeQuestion('site down').route).toBe('urgent');
		expect(routeQuestion('счёт на оплату').route).toBe('chat');
	});

	it('is deterministic', () => {
		const question = 'Не можем оформить заказ, пишет ошибка';
		const first = routeQuestion(question);
		for (let i = 0; i < 5; i++) expect(routeQuestion(question)).toEqual(first);
	});

	it('copes with very long input', () => {
		const d = routeQuestion(`${'lorem ipsum '.repeat(2000)} the store is down`);
		expect(ROUTES).toContain(d.route);
		expect(d.confidence).toBeGreaterThanOrEqual(0);
		expect(d.confidence).toBeLessThanOrEqual(1);
	});
});
