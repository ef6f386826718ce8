import { expect, test, type Browser, type Page } from '@playwright/test';
import { loginAs } from './helpers/auth.ts';
import { BASE_URL } from './helpers/base-url.ts';
import { E2E_PASSWORD, E2E_USERS, type E2EUser } from './helpers/users.ts';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const FRIDAY_EVENING = '2026-11-27T17:30:00+03:00';
const MONDAY_MORNING = '2026-11-30T09:10:00+03:00';

async function userPage(browser: Browser, who: E2EUser, pinnedNow?: string): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	if (pinnedNow) {
		// The server's clock (per request) and the browser's, so live scripts agree with the page.
		await page.setExtraHTTPHeaders({ 'x-portal-now': pinnedNow });
		await page.clock.setFixedTime(new Date(pinnedNow));
	}
	await loginAs(page, who);
	return page;
}

test('a Friday-evening ticket travels from the customer to staff and back', async ({ browser }) => {
	// Three people in three browser contexts: longer than the default budget on a busy machine.
	test.setTimeout(120_000);
	const tag = unique();
	const subject = `Product images vanish from the catalog ${tag}`;
	const note = `Internal: CDN purge suspected ${tag}`;
	const reply = `Hello! Please clear the image cache in the admin panel ${tag}`;

	// The customer opens a Severity 3 ticket on Friday at 17:30 Moscow time.
	const alice = await userPage(browser, 'alice', FRIDAY_EVENING);
	await alice.goto('/tickets/new');
	await expect(alice.getByRole('heading', { name: 'Support hours now' })).toBeVisible();
	await alice.getByLabel('Subject').fill(subject);
	await alice
		.getByLabel('Description')
		.fill('Since this afternoon, product pages show **no images**.');
	await alice.getByRole('radio', { name: /Severity 3 · Normal/ }).check();
	await alice.getByLabel('Category').selectOption({ label: 'Catalog and translation' });
	await alice.getByLabel('Address of the affected site').fill('https://shop.example.com');
	await expect(alice.locator('[data-expect-line]')).toContainText(
		'expect a first response by Monday 09:30 MSK',
	);
	await alice.getByRole('button', { name: 'Submit ticket' }).click();
	await expect(alice).toHaveURL(/\/tickets\/\d+\?created=1$/);
	const number = Number(/\/tickets\/(\d+)/.exec(alice.url())?.[1]);
	await expect(alice.locator('[data-target="First response due"]')).toContainText(
		'Mon 30 Nov, 09:30 MSK',
	);
	await expect(alice.locator('.prose strong', { hasText: 'no images' })).toBeVisible();

	// Staff, on Monday at 09:10, find it at the top of the queue, due in 20 minutes.
	const staff = await userPage(browser, 'staff', MONDAY_MORNING);
	await staff.goto('/staff/tickets?status=new&severity=3');
	const top = staff.locator('table.queue tbody tr').first();
	await expect(top).toHaveAttribute('data-ticket', String(number));
	await expect(top.locator('[data-due-badge]')).toHaveText(/due in 20 min/);
	await top.getByRole('link', { name: subject }).click();
	await expect(staff).toHaveURL(`${BASE_URL}/tickets/${number}`);

	await staff.getByLabel('Note (staff only, never shown to the customer)').fill(note);
	await staff.getByRole('button', { name: 'Add internal note' }).click();
	await expect(staff.locator('[data-internal="true"]', { hasText: note })).toBeVisible();
	await staff.getByLabel(/Reply \(the customer sees it/).fill(reply);
	await staff.getByRole('button', { name: 'Send reply' }).click();
	await expect(staff.locator('[data-message]', { hasText: reply })).toBeVisible();
	await expect(staff.locator('[data-target="First response"]')).toContainText('on time');

	// The customer sees the reply, never the note, and got an e-mail.
	await alice.goto(`/tickets/${number}`);
	await expect(alice.locator('[data-message]', { hasText: reply })).toBeVisible();
	await expect(alice.getByText(note)).toHaveCount(0);
	expect(await alice.content()).not.toContain(note);
	await staff.goto(`/staff/mail?to=${encodeURIComponent(E2E_USERS.alice.email)}`);
	const mail = staff.locator(`[data-mail-to="${E2E_USERS.alice.email}"]`, {
		hasText: `Re: [#${number}]`,
	});
	await expect(mail).toHaveCount(1);
	await mail.locator('summary').click();
	await expect(mail.locator('pre')).toContainText(reply);
	await expect(mail.locator('pre')).not.toContainText(note);

	// Another customer gets a 404 for the ticket, and it never shows up among their similar requests.
	const bob = await userPage(browser, 'bob');
	const response = await bob.goto(`/tickets/${number}`);
	expect(response?.status()).toBe(404);
	await expect(bob.getByText(subject)).toHaveCount(0);
	const similar = await bob.request.get(
		`/api/tickets/similar?subject=${encodeURIComponent(subject)}`,
	);
	expect((await similar.json()).tickets).toEqual([]);

	// The same problem typed again: the customer is warned before submitting.
	await alice.goto('/tickets/new');
	await alice.getByLabel('Subject').fill(`Product images vanish from catalog ${tag}`);
	const warning = alice.locator('[data-similar]');
	await expect(warning).toBeVisible();
	await expect(warning).toContainText(`This looks like #${number}`);
	await expect(warning).toContainText('still open');
});

test('sends an anonymous visitor to log in and back to the form with the prefill kept', async ({
	page,
}) => {
	const subject = `Orders fail at checkout ${unique()}`;
	await page.goto(`/tickets/new?severity=1&subject=${encodeURIComponent(subject)}`);
	await expect(page).toHaveURL(/\/login\?next=%2Ftickets%2Fnew%3Fseverity%3D1%26subject%3D/);
	await page.getByLabel('Email').fill(E2E_USERS.developer.email);
	await page.getByLabel('Password').fill(E2E_PASSWORD);
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page).toHaveURL(/\/tickets\/new\?severity=1&subject=/);
	await expect(page.getByLabel('Subject')).toHaveValue(subject);
	await expect(page.getByRole('radio', { name: /Severity 1 · Site down/ })).toBeChecked();
});

test('keeps the staff queue from customers and the similar-requests API from visitors', async ({
	browser,
	page,
}) => {
	const anonymous = await page.goto('/staff/tickets');
	expect(anonymous?.url()).toMatch(/\/login\?next=%2Fstaff%2Ftickets$/);
	const api = await page.request.get('/api/tickets/similar?subject=anything');
	expect(api.status()).toBe(401);
	const bob = await userPage(browser, 'bob');
	const response = await bob.goto('/staff/tickets');
	expect(response?.status()).toBe(403);
	await expect(bob.getByRole('heading', { name: 'Staff only' })).toBeVisible();
	const mail = await bob.goto('/staff/mail');
	expect(mail?.status()).toBe(403);
});

test('shows field messages and keeps the input when the form is incomplete', async ({
	browser,
}) => {
	const alice = await userPage(browser, 'alice');
	await alice.goto('/tickets/new');
	await alice.getByLabel('Subject').fill('Hi');
	await alice.getByLabel('Description').fill('Something is wrong with the import.');
	await alice.getByLabel('Address of the affected site').fill('shop.example.com');
	await alice.getByRole('button', { name: 'Submit ticket' }).click();
	await expect(alice.locator('#f-subject-error')).toContainText('at least 5 characters');
	await expect(alice.locator('#f-siteUrl-error')).toContainText('http');
	await expect(alice.getByLabel('Description')).toHaveValue('Something is wrong with the import.');
});
