import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './helpers/auth.ts';

const CHAT_URL = 'https://chat.example.com/opentrade-support';

/** The manual pages reach the index through the outbox shortly after the server starts. */
async function waitForIndex(page: Page): Promise<void> {
	await expect
		.poll(
			async () =>
				(await (await page.request.get('/api/suggest?q=payment%20methods')).json()).results.length,
			{ timeout: 20_000 },
		)
		.toBeGreaterThan(0);
}

async function ask(page: Page, question: string) {
	await page.goto('/');
	const input = page.getByLabel('Ask a question or describe a problem');
	await input.pressSequentially(question, { delay: 15 });
	return page.locator('[data-ask-box] .route-card');
}

test.describe('ask box on the home page', () => {
	test.beforeEach(async ({ page }) => {
		await loginAs(page, 'alice');
		await waitForIndex(page);
	});

	test('shows suggestions and the route while typing, asking the server only after a pause', async ({
		page,
	}) => {
		const calls: string[] = [];
		page.on('request', (r) => {
			if (r.url().includes('/api/suggest')) calls.push(r.url());
		});
		const card = await ask(page, 'How do I set up payment methods?');
		await expect(card).toHaveAttribute('data-route', 'self_service');
		const suggestions = page.getByRole('list', { name: 'Suggested answers' }).getByRole('link');
		await expect(suggestions.first()).toContainText('Payment methods');
		// 32 keystrokes, 15 ms apart: the 250 ms debounce lets only a few requests through.
		expect(calls.length).toBeGreaterThan(0);
		expect(calls.length).toBeLessThan(5);
		await expect(page.locator('[data-ask-status]')).toContainText('suggested');
	});

	const cases = [
		{
			route: 'self_service',
			q: 'How do I set up payment methods?',
			href: '/search?q=How+do+I+set+up+payment+methods%3F',
		},
		{
			route: 'forum',
			q: 'We want to change the design of the cart',
			href: '/forum/new?category=custom-development&title=We+want+to+change+the+design+of+the+cart',
		},
		{
			route: 'ticket',
			q: 'Prices are not updated after I changed the markup',
			href: '/tickets/new?subject=Prices+are+not+updated+after+I+changed+the+markup',
		},
		{
			route: 'urgent',
			q: 'Our site is down, customers cannot place orders',
			href: '/tickets/new?severity=1&subject=Our+site+is+down%2C+customers+cannot+place+orders',
		},
	];
	for (const c of cases) {
		test(`routes "${c.q}" to ${c.route} with a prefilled next step`, async ({ page }) => {
			const card = await ask(page, c.q);
			await expect(card).toHaveAttribute('data-route', c.route);
			const action = card.locator('.route-action');
			await expect(action).toHaveAttribute('href', c.href);
			if (c.route === 'urgent') await expect(card).toContainText('within an hour, day and night');
			await action.click();
			await expect(page).toHaveURL(c.href);
			if (c.route === 'forum') {
				await expect(page.getByLabel('Title')).toHaveValue(c.q);
				await expect(page.getByLabel('Category')).toHaveValue('custom-development');
			}
		});
	}

	test('routes purchase questions to the customer-support chat with its hours', async ({
		page,
	}) => {
		const card = await ask(page, 'How can I pay for the API key?');
		await expect(card).toHaveAttribute('data-route', 'chat');
		await expect(card.locator('.route-action')).toHaveAttribute('href', CHAT_URL);
		await expect(card).toContainText('07:00–17:00 MSK');
		await expect(card).toContainText(/(Open|Closed) now/);
	});

	test('moves through suggestions with the arrow keys and counts the opened article', async ({
		page,
	}) => {
		await ask(page, 'How do I set up payment methods?');
		const first = page.getByRole('list', { name: 'Suggested answers' }).getByRole('link').first();
		await expect(first).toContainText('Payment methods');
		await page.keyboard.press('ArrowDown');
		await expect(first).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/manuals\/admin-panel\/payment-methods$/);
	});
});

test.describe('search page without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the ask box is a plain form: results grouped by kind, highlighted, with the route', async ({
		page,
	}) => {
		await waitForIndex(page);
		await page.goto('/');
		await page
			.getByLabel('Ask a question or describe a problem')
			.fill('How do I change the yuan rate?');
		await page.getByRole('button', { name: 'Ask' }).click();
		await expect(page).toHaveURL(/\/search\?q=How\+do\+I\+change\+the\+yuan\+rate/);
		await expect(
			page.getByRole('heading', { name: 'Manuals', exact: true, level: 2 }),
		).toBeVisible();
		await expect(page.locator('.result .snippet mark').first()).toBeVisible();
		await expect(page.locator('.route-card')).toHaveAttribute('data-route', 'self_service');
	});

	test('filters by kind', async ({ page }) => {
		await page.goto('/search?q=currency');
		await expect(
			page.getByRole('heading', { name: 'Manuals', exact: true, level: 2 }),
		).toBeVisible();
		await page.getByRole('checkbox', { name: 'Hints' }).check();
		await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
		await expect(page).toHaveURL(/kind=hint/);
		await expect(page.getByRole('heading', { name: 'Manuals', exact: true, level: 2 })).toHaveCount(
			0,
		);
	});

	test('offers the forum and a ticket when nothing is found', async ({ page }) => {
		await page.goto('/search?q=qwxzzy+vbnmkk');
		const help = page.getByRole('region', { name: /Nothing found/ });
		await expect(
			help.getByRole('link', { name: 'Ask in the Co-development forum' }),
		).toHaveAttribute('href', /^\/forum\/new\?category=custom-development&title=/);
		await expect(help.getByRole('link', { name: 'Open a ticket' })).toHaveAttribute(
			'href',
			/^\/tickets\/new\?subject=/,
		);
	});
});

test.describe('/api/suggest', () => {
	test('returns no route under 3 characters and 400 over 2,000', async ({ request }) => {
		const short = await request.get('/api/suggest?q=ab');
		expect(short.status()).toBe(200);
		expect(await short.json()).toMatchObject({ route: null, results: [] });
		const long = await request.get(`/api/suggest?q=${'a'.repeat(2001)}`);
		expect(long.status()).toBe(400);
		expect((await long.json()).error.code).toBe('BAD_REQUEST');
	});

	test('answers with a route, a reason and results', async ({ page, request }) => {
		await waitForIndex(page);
		const body = await (await request.get('/api/suggest?q=Как%20изменить%20курс%20юаня')).json();
		expect(['self_service', 'forum', 'ticket', 'urgent', 'chat']).toContain(body.route);
		expect(typeof body.reason).toBe('string');
		for (const r of body.results) {
			expect(Object.keys(r).sort()).toEqual(['kind', 'snippet', 'title', 'url']);
			expect(r.snippet).not.toContain('<mark>');
		}
	});

	test('health names the search engine', async ({ request }) => {
		expect(await (await request.get('/api/health')).json()).toMatchObject({
			status: 'ok',
			search: 'postgres',
		});
	});
});

test.describe('staff search dashboard', () => {
	test('shows charts with data tables to staff', async ({ page }) => {
		await loginAs(page, 'staff');
		await page.goto('/staff/search');
		await expect(page.getByRole('heading', { name: 'Search dashboard', level: 1 })).toBeVisible();
		await expect(page.getByRole('img', { name: /Searches per day/ })).toBeVisible();
		await expect(page.getByRole('img', { name: /Recommended route/ })).toBeVisible();
		await expect(page.getByTestId('deflection-share')).toContainText('%');
	});

	test('is staff only for customers, like every staff page', async ({ page }) => {
		await loginAs(page, 'alice');
		const response = await page.goto('/staff/search');
		expect(response?.status()).toBe(403);
		await expect(page.getByRole('heading', { name: 'Staff only' })).toBeVisible();
	});
});
