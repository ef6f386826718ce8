import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { loginAs } from './helpers/auth.ts';
import { BASE_URL } from './helpers/base-url.ts';
import type { E2EUser } from './helpers/users.ts';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function pageAs(browser: Browser, who: E2EUser | null): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	if (who) await loginAs(page, who);
	return page;
}

test('a visitor browses the manuals from the sidebar, the table of contents and prev/next', async ({
	page,
}) => {
	test.setTimeout(60_000);
	await page.goto('/manuals');
	await expect(page.getByRole('heading', { name: 'Manuals', level: 1 })).toBeVisible();
	await page.getByRole('link', { name: 'Installing the storefront' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Installing the storefront');

	const sidebar = page.getByRole('navigation', { name: 'Manuals' });
	for (const [section, title] of [
		['API key', 'Connecting the API key'],
		['Admin panel', 'Currencies and the yuan rate'],
		['Troubleshooting', 'Emails are not delivered'],
		['Support', 'How support works'],
	] as const) {
		await sidebar.getByRole('list', { name: section }).getByRole('link', { name: title }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(sidebar.getByRole('link', { name: title })).toHaveAttribute(
			'aria-current',
			'page',
		);
		const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
		await expect(crumbs.getByRole('link', { name: section })).toBeVisible();
		await expect(crumbs.locator('[aria-current="page"]')).toHaveText(title);
	}

	await sidebar.getByRole('link', { name: 'Currencies and the yuan rate' }).click();
	const toc = page.getByRole('navigation', { name: 'On this page' });
	await toc.getByRole('link', { name: 'Rounding' }).click();
	await expect(page).toHaveURL(/\/manuals\/admin-panel\/currencies#rounding$/);
	await expect(page.locator('h2#rounding')).toBeInViewport();

	const pager = page.getByRole('navigation', { name: 'Previous and next page' });
	const next = pager.getByRole('link', { name: /Next/ });
	const nextTitle = (await next.locator('.title').textContent())?.trim() ?? '';
	await next.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(nextTitle);
	await pager.getByRole('link', { name: /Previous/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Currencies and the yuan rate');
	await expect(page.getByText(/^Last updated/)).toBeVisible();
});

test('anonymous readers get the manual page from the page cache; signed-in readers get their own header', async ({
	browser,
	request,
}) => {
	const path = '/manuals/getting-started/installation';
	await request.get(path);
	const cached = await request.get(path);
	expect(cached.headers()['x-page-cache']).toBe('hit');
	expect(cached.headers()['content-security-policy']).toContain("object-src 'none'");
	expect(await cached.text()).toContain('Installing the storefront');

	const page = await pageAs(browser, 'alice');
	const response = await page.goto(path);
	expect(response?.headers()['x-page-cache']).toBeUndefined();
	await expect(page.getByRole('link', { name: /^Notifications/ })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Log in', exact: true })).toHaveCount(0);
	await page.context().close();
});

test('a visitor reads hints by tag', async ({ page }) => {
	await page.goto('/hints');
	await page
		.getByRole('list', { name: 'All tags' })
		.getByRole('link', { name: '#performance' })
		.click();
	await expect(page).toHaveURL(/\/hints\?tag=performance$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hints tagged #performance');
	const cards = page.locator('article.hint-card');
	await expect(cards.first()).toBeVisible();
	for (const card of await cards.all())
		await expect(card.getByRole('link', { name: '#performance' })).toBeVisible();

	await page.getByRole('link', { name: 'Let nginx cache static files and product images' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Let nginx cache static files and product images',
	);
	await page
		.getByRole('region', { name: 'Related manual pages' })
		.getByRole('link', { name: 'Server requirements' })
		.click();
	await expect(page).toHaveURL(/\/manuals\/getting-started\/server-requirements$/);

	const feed = await page.request.get('/hints/feed.xml');
	expect(feed.headers()['content-type']).toContain('application/atom+xml');
	expect(await feed.text()).toContain(
		'<title type="text">Let nginx cache static files and product images</title>',
	);
});

test('staff write, preview, publish, edit and restore a hint; a customer sees each state', async ({
	browser,
}) => {
	// Two browsers and a dozen page loads: more than the default budget on a busy machine.
	test.setTimeout(90_000);
	const staff = await pageAs(browser, 'staff');
	const alice = await pageAs(browser, 'alice');
	const id = unique();
	const title = `Check the cron log ${id}`;
	const tag = `e2e-${id}`;

	await staff.goto('/staff/hints/new');
	await staff.getByLabel('Title').fill(title);
	await expect(staff.getByLabel('Address')).toHaveValue(`check-the-cron-log-${id}`);
	await staff
		.getByLabel('Text (Markdown)')
		.fill(`## Where to look\n\nThe **first wording** of ${id}.`);
	const preview = staff.locator('[data-preview]');
	await expect(preview.locator('h2', { hasText: 'Where to look' })).toBeVisible();
	await expect(preview.locator('strong')).toHaveText('first wording');
	await staff.getByLabel('Tags').fill(`${tag}, cron`);
	await staff.getByRole('button', { name: 'Save' }).click();
	await expect(staff.getByRole('status')).toHaveText('Hint created.');
	const slug = `check-the-cron-log-${id}`;

	// Draft: not public.
	expect((await alice.goto(`/hints/${slug}`))?.status()).toBe(404);
	await alice.goto(`/hints?tag=${tag}`);
	await expect(alice.getByText(`No hints with the tag #${tag}.`)).toBeVisible();

	// Published.
	await staff.getByRole('radio', { name: /Published/ }).check();
	await staff.getByRole('button', { name: 'Save' }).click();
	await expect(staff.getByRole('status')).toHaveText('Saved as revision 2.');
	await alice.goto(`/hints?tag=${tag}`);
	await alice.getByRole('link', { name: title }).click();
	await expect(alice.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(alice.getByText(`The first wording of ${id}.`)).toBeVisible();

	// Edited.
	await staff
		.getByLabel('Text (Markdown)')
		.fill(`## Where to look\n\nThe **second wording** of ${id}.`);
	await staff.getByRole('button', { name: 'Save' }).click();
	await expect(staff.getByRole('status')).toHaveText('Saved as revision 3.');
	await alice.reload();
	await expect(alice.getByText(`The second wording of ${id}.`)).toBeVisible();

	// Restored.
	await staff.getByRole('link', { name: 'History' }).click();
	await staff.getByRole('button', { name: 'Restore revision 2' }).click();
	await expect(staff.getByRole('status')).toHaveText('Restored revision 2 as revision 4.');
	await alice.reload();
	await expect(alice.getByText(`The first wording of ${id}.`)).toBeVisible();
	await expect(alice.getByText('second wording')).toHaveCount(0);

	await staff.context().close();
	await alice.context().close();
});

test('customers and developers cannot reach the hint editor or its endpoints', async ({
	browser,
}) => {
	const staff = await pageAs(browser, 'staff');
	await staff.goto('/staff/hints/new');
	const id = unique();
	await staff.getByLabel('Title').fill(`Protected hint ${id}`);
	await staff.getByLabel('Text (Markdown)').fill(`Original text ${id}.`);
	await staff.getByRole('radio', { name: /Published/ }).check();
	await staff.getByRole('button', { name: 'Save' }).click();
	await expect(staff.getByRole('status')).toHaveText('Hint created.');
	const editPath = new URL(staff.url()).pathname;
	const hintId = editPath.split('/')[3] ?? '';
	await staff.context().close();

	for (const who of ['alice', 'developer'] as const) {
		const page = await pageAs(browser, who);
		const editor = await page.goto('/staff/hints/new');
		expect(editor?.status()).toBe(403);
		await expect(page.getByRole('heading', { name: 'Staff only' })).toBeVisible();
		await expect(page.locator('textarea')).toHaveCount(0);
		expect((await page.goto(editPath))?.status()).toBe(403);

		const created = await page.request.post(`/staff/hints/new?_action=hints.create`, {
			form: {
				title: `Sneaky hint ${id} ${who}`,
				body: 'Text that must not appear.',
				state: 'published',
			},
			headers: { origin: BASE_URL },
			maxRedirects: 0,
		});
		expect(created.status()).toBe(403);
		const updated = await page.request.post(`${editPath}?_action=hints.update`, {
			form: {
				id: hintId,
				version: '1',
				title: 'Defaced',
				body: 'Defaced text here.',
				state: 'published',
			},
			headers: { origin: BASE_URL },
			maxRedirects: 0,
		});
		expect(updated.status()).toBe(403);
		const preview = await page.request.post('/api/hints/preview', {
			data: { body: '**x**' },
			headers: { origin: BASE_URL },
		});
		expect(preview.status()).toBe(403);

		await page.goto('/hints');
		await expect(page.getByText(`Sneaky hint ${id}`)).toHaveCount(0);
		await page.goto(`/hints/protected-hint-${id}`);
		await expect(page.getByText(`Original text ${id}.`)).toBeVisible();
		await page.context().close();
	}
});

async function yesVotes(staff: Page, pageId: string): Promise<number> {
	await staff.goto('/staff/manuals');
	const row = staff.locator(`tr[data-page-id="${pageId}"]`);
	return Number(await row.locator('td').nth(1).textContent());
}

test('a reader answers "Was this helpful?" and staff see the tally', async ({ browser }) => {
	const pageId = 'support/writing-a-good-ticket';
	const staff = await pageAs(browser, 'staff');
	const before = await yesVotes(staff, pageId);

	const reader = await pageAs(browser, null);
	await reader.goto(`/manuals/${pageId}`);
	const feedback = reader.getByRole('region', { name: 'Was this page helpful?' });
	await feedback.getByRole('button', { name: 'Yes' }).click();
	await expect(feedback.getByRole('status')).toHaveText(/Thank you/);
	await expect(reader).toHaveURL(`${BASE_URL}/manuals/${pageId}`);

	expect(await yesVotes(staff, pageId)).toBe(before + 1);
	await reader.context().close();
	await staff.context().close();
});

test('the vote works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/manuals/support/how-support-works');
	await page.getByRole('button', { name: 'No' }).click();
	await expect(page).toHaveURL(/\/manuals\/support\/how-support-works\?voted=1#feedback$/);
	await expect(
		page.getByRole('region', { name: 'Was this page helpful?' }).getByRole('status'),
	).toHaveText(/Thank you/);
	await context.close();
});

test('customers cannot open the vote tallies', async ({ browser }) => {
	const page = await pageAs(browser, 'alice');
	expect((await page.goto('/staff/manuals'))?.status()).toBe(403);
	await expect(page.getByRole('table')).toHaveCount(0);
	await page.context().close();
});

test('the editor works without JavaScript: preview round trip and field errors keep the input', async ({
	browser,
}) => {
	test.setTimeout(60_000);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await loginAs(page, 'admin');
	await page.goto('/staff/hints/new');
	const id = unique();
	await page.getByLabel('Title').fill(`No script hint ${id}`);
	await page
		.getByLabel('Text (Markdown)')
		.fill(`Use \`cache:clear\` after **every** change ${id}.`);
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(page.locator('[data-preview] strong')).toHaveText('every');
	await expect(page.locator('[data-preview] code')).toHaveText('cache:clear');
	await expect(page.getByLabel('Title')).toHaveValue(`No script hint ${id}`);

	await page.getByLabel('Title').fill('ab');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.locator('#f-title-error')).toContainText('at least 3 characters');
	await expect(page.getByLabel('Text (Markdown)')).toHaveValue(
		`Use \`cache:clear\` after **every** change ${id}.`,
	);

	await page.getByLabel('Title').fill(`No script hint ${id}`);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Hint created.');
	await expect(page.getByLabel('Address')).toHaveValue(`no-script-hint-${id}`);
	await context.close();
});

async function expectNoAxeViolations(page: Page, path: string): Promise<void> {
	await page.goto(path);
	const results = await new AxeBuilder({ page }).analyze();
	const found = results.violations.map(
		(v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
	);
	expect(found).toEqual([]);
}

// axe is slow on a busy machine: a few pages per test.
const AXE_GROUPS: { name: string; who: E2EUser | null; width: number; paths: string[] }[] = [
	{
		name: 'manual pages',
		who: null,
		width: 1280,
		paths: ['/manuals', '/manuals/admin-panel/currencies'],
	},
	{
		name: 'a manual page on a phone',
		who: null,
		width: 390,
		paths: ['/manuals/api-key/connecting-the-key'],
	},
	{
		name: 'hint pages',
		who: null,
		width: 1280,
		paths: ['/hints?tag=cron', '/hints/check-your-api-key-in-one-minute'],
	},
	{
		name: 'staff hint pages',
		who: 'staff',
		width: 1280,
		paths: ['/staff/hints', '/staff/hints/new'],
	},
	{ name: 'staff vote tallies', who: 'staff', width: 1280, paths: ['/staff/manuals'] },
];

for (const group of AXE_GROUPS) {
	test(`${group.name}: no detectable accessibility violations`, async ({ browser }) => {
		test.setTimeout(60_000);
		const page = await pageAs(browser, group.who);
		await page.setViewportSize({ width: group.width, height: 800 });
		for (const path of group.paths) await expectNoAxeViolations(page, path);
		await page.context().close();
	});
}
