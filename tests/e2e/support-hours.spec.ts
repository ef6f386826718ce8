import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * Live support hours in a browser far from Moscow: the panel shows Moscow and local times and
 * keeps them current without a reload; the JSON endpoints answer exact instants.
 */

test.use({ timezoneId: 'America/New_York' });

// Friday 27 November 2026, 14:50 in Moscow (UTC+3), 06:50 in New York (UTC-5).
const FRIDAY_1450_MSK = new Date('2026-11-27T11:50:00Z');

/** Pins both clocks: the server's (per request, via x-portal-now) and the browser's. */
async function openAt(page: Page, path: string, at: Date): Promise<void> {
	await page.setExtraHTTPHeaders({ 'x-portal-now': at.toISOString() });
	await page.clock.install({ time: new Date(at.getTime() - 60_000) });
	await page.goto(path);
	await page.clock.pauseAt(at);
}

function department(page: Page, id: string) {
	return page.locator(`[data-support-hours] [data-department="${id}"]`);
}

test('the hours panel shows Moscow and local times and updates by itself', async ({ page }) => {
	await openAt(page, '/support', FRIDAY_1450_MSK);
	const customer = department(page, 'customer-support');
	const technical = department(page, 'technical-support');

	await expect(customer.locator('[data-state]')).toHaveText('Open');
	await expect(customer.locator('[data-detail]')).toHaveText('closes in 2 h 10 min, at 17:00 MSK');
	await expect(customer.locator('[data-local]')).toHaveText('(09:00 your time)');
	await expect(technical.locator('[data-detail]')).toHaveText('closes in 2 h 10 min, at 17:00 MSK');
	await expect(page.locator('[data-support-hours] [data-visitor-zone]')).toHaveText(
		' and in your time zone (America/New_York)',
	);
	await expect(page.locator('[data-support-hours]')).toContainText(
		'Severity 1 · Site down: First response within 1 hour, day and night',
	);
	await expect(page.locator('[data-support-hours] [data-duty-note]')).toBeHidden();
	await expect(page.locator('[data-support-badge]')).toHaveText(
		'Support open · closes in 2 h 10 min',
	);

	// 17:05 in Moscow: both closed until Monday, without reloading the page.
	await page.clock.fastForward('02:15:00');
	await expect(customer.locator('[data-state]')).toHaveText('Closed');
	await expect(customer.locator('[data-detail]')).toHaveText('opens Monday 07:00 MSK');
	await expect(customer.locator('[data-local]')).toHaveText('(Sunday 23:00 your time)');
	await expect(technical.locator('[data-detail]')).toHaveText('opens Monday 08:00 MSK');
	await expect(technical.locator('[data-local]')).toHaveText('(00:00 your time)');
	await expect(page.locator('[data-support-badge]')).toHaveText(
		'Support closed · opens Monday 07:00 MSK',
	);
	await expect(page.locator('[data-support-hours] [data-announce]')).toHaveText(
		'Customer support is now closed. Technical support is now closed.',
	);
});

test('response targets follow the clock, in both time zones', async ({ page }) => {
	await openAt(page, '/support', FRIDAY_1450_MSK);
	const targets = page.locator('[data-response-targets]');
	const severity = (n: number) => targets.locator(`[data-severity="${n}"]`);

	await expect(severity(1).locator('[data-due]')).toHaveText('today 15:50 MSK');
	await expect(severity(1).locator('[data-local]')).toHaveText('(07:50 your time)');
	await expect(severity(3).locator('[data-due]')).toHaveText('today 15:50 MSK');
	await expect(targets.locator('[data-resolution]')).toHaveText('Friday 4 December 18:00 MSK');
	await expect(targets.locator('[data-resolution-local]')).toHaveText('(10:00 your time)');

	// Friday 17:05: 55 minutes left today, so Severity 3 is due Monday 09:05.
	await page.clock.fastForward('02:15:00');
	await expect(severity(2).locator('[data-due]')).toHaveText('today 20:05 MSK');
	await expect(severity(3).locator('[data-due]')).toHaveText('Monday 09:05 MSK');
	await expect(severity(3).locator('[data-local]')).toHaveText('(01:05 your time)');
});

test('shows the duty-manager note on a weekend', async ({ page }) => {
	await openAt(page, '/support', new Date('2026-11-28T09:00:00Z')); // Saturday 12:00 MSK
	await expect(page.locator('[data-support-hours] [data-duty-note]')).toBeVisible();
	await expect(page.locator('[data-support-hours] [data-duty-note]')).toContainText('duty manager');
	await expect(department(page, 'customer-support').locator('[data-local]')).toHaveText(
		'(tomorrow 23:00 your time)',
	);
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`the support page passes an accessibility scan (${colorScheme})`, async ({ page }) => {
		// NOTE: no fake browser clock here: axe waits on timers, which a paused clock never fires.
		await page.emulateMedia({ colorScheme });
		await page.goto('/support');
		await expect(page.locator('[data-support-hours] [data-visitor-zone]')).toBeVisible();
		const results = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze();
		const violations = results.violations.map(
			(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
		);
		expect(violations).toEqual([]);
	});
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the server renders the hours in Moscow time', async ({ page }) => {
		await page.setExtraHTTPHeaders({ 'x-portal-now': FRIDAY_1450_MSK.toISOString() });
		await page.goto('/support');
		const customer = department(page, 'customer-support');
		await expect(customer.locator('[data-detail]')).toHaveText(
			'closes in 2 h 10 min, at 17:00 MSK',
		);
		await expect(customer.locator('[data-local]')).toBeHidden();
		await expect(page.getByRole('table')).toContainText('07:00–17:00 MSK');
		await expect(page.locator('#severity-3')).toContainText('Severity 3 · Normal');
	});
});

test.describe('JSON endpoints', () => {
	test('status answers the exact shape for an instant', async ({ request }) => {
		const res = await request.get('/api/support/status', {
			params: { at: '2026-11-27T17:30:00+03:00' },
		});
		expect(res.status()).toBe(200);
		expect(await res.json()).toEqual({
			at: '2026-11-27T14:30:00.000Z',
			timezone: 'Europe/Moscow',
			departments: {
				'customer-support': { open: false, closesAt: null, opensAt: '2026-11-30T04:00:00.000Z' },
				'technical-support': { open: false, closesAt: null, opensAt: '2026-11-30T05:00:00.000Z' },
			},
		});
	});

	test('sla answers to the second', async ({ request }) => {
		const friday = await request.get('/api/support/sla', {
			params: { severity: '3', at: '2026-11-27T17:30:00+03:00' },
		});
		expect(await friday.json()).toEqual({
			severity: 3,
			submittedAt: '2026-11-27T14:30:00.000Z',
			firstResponseDue: '2026-11-30T06:30:00.000Z',
			resolutionDue: '2026-12-04T15:00:00.000Z',
		});
		const critical = await request.get('/api/support/sla', {
			params: { severity: '2', at: '2026-11-27T13:59:59.5Z' },
		});
		expect(await critical.json()).toMatchObject({ firstResponseDue: '2026-11-27T14:59:59.500Z' });
	});

	test('bad severity or at gets 400 saying what is wrong', async ({ request }) => {
		const severity = await request.get('/api/support/sla', { params: { severity: 'urgent' } });
		expect(severity.status()).toBe(400);
		const body = await severity.json();
		expect(body.error.code).toBe('BAD_REQUEST');
		expect(body.error.message).toBe("severity must be 1, 2, 3 or 4; got 'urgent'");

		const at = await request.get('/api/support/status', { params: { at: '2026-11-27 17:30' } });
		expect(at.status()).toBe(400);
		expect((await at.json()).error.message).toMatch(
			/^at must be an ISO-8601 instant with an offset/,
		);
	});
});
