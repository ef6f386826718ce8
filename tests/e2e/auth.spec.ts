import { expect, test } from '@playwright/test';
import { BASE_URL } from './helpers/base-url.ts';
import { E2E_PASSWORD, E2E_USERS } from './helpers/users.ts';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test('signs up, logs out, logs in again', async ({ page }) => {
	const email = `new-${unique()}@e2e.test`;
	await page.goto('/signup');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Display name').fill('Nina Newcomer');
	await page.getByLabel('Password').fill('a good password');
	await page.getByRole('button', { name: 'Sign up' }).click();
	await expect(page).toHaveURL(`${BASE_URL}/`);
	const menu = page.getByRole('banner').locator('summary', { hasText: 'Nina Newcomer' });
	await expect(menu).toBeVisible();

	await menu.click();
	await page.getByRole('button', { name: 'Log out' }).click();
	await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();

	await page.getByRole('banner').getByRole('link', { name: 'Log in' }).click();
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill('a good password');
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(
		page.getByRole('banner').locator('summary', { hasText: 'Nina Newcomer' }),
	).toBeVisible();
});

test('shows the error next to the field and keeps the input on a taken email', async ({ page }) => {
	await page.goto('/signup');
	await page.getByLabel('Email').fill(E2E_USERS.alice.email);
	await page.getByLabel('Display name').fill('Impostor Alice');
	await page.getByLabel('Password').fill('another password');
	await page.getByRole('button', { name: 'Sign up' }).click();
	await expect(page.locator('#f-email-error')).toContainText('exists already');
	await expect(page.getByLabel('Display name')).toHaveValue('Impostor Alice');
	await expect(page.getByLabel('Email')).toHaveValue(E2E_USERS.alice.email);
});

test('says so on a wrong password', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Email').fill(E2E_USERS.bob.email);
	await page.getByLabel('Password').fill('not the password');
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page.getByRole('alert').first()).toContainText('Wrong email or password');
	await expect(page.getByLabel('Email')).toHaveValue(E2E_USERS.bob.email);
	await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
});

test('answers a malformed email on the login form with a 400 and a field message', async ({
	page,
}) => {
	await page.goto('/login');
	await page.getByLabel('Email').fill('bob.e2e.test');
	await page.getByLabel('Password').fill('not the password');
	const [response] = await Promise.all([
		page.waitForResponse(
			(res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/login',
		),
		page.getByRole('button', { name: 'Log in' }).click(),
	]);
	expect(response.status()).toBe(400);
	await expect(page.locator('#f-email-error')).toHaveText(
		'Enter a valid email address, like name@example.com.',
	);
	await expect(page.getByLabel('Email')).toHaveValue('bob.e2e.test');
	await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
});

test('sends an anonymous visitor to log in and back to the page they wanted', async ({ page }) => {
	await page.goto('/account');
	await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
	await page.getByLabel('Email').fill(E2E_USERS.developer.email);
	await page.getByLabel('Password').fill(E2E_PASSWORD);
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page).toHaveURL(`${BASE_URL}/account`);
	await expect(page.getByRole('heading', { name: 'Account settings' })).toBeVisible();
});

test('does not follow a next parameter to another site', async ({ page }) => {
	await page.goto('/login?next=//evil.example/steal');
	await page.getByLabel('Email').fill(E2E_USERS.developer.email);
	await page.getByLabel('Password').fill(E2E_PASSWORD);
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page).toHaveURL(`${BASE_URL}/`);
});

test('refuses a cross-site form post', async ({ request }) => {
	const res = await request.post('/login?_action=auth.login', {
		form: { email: E2E_USERS.bob.email, password: E2E_PASSWORD },
		headers: { origin: 'https://evil.example' },
		maxRedirects: 0,
	});
	expect(res.status()).toBe(403);
	expect(res.headers()['set-cookie'] ?? '').not.toContain('session=');
});

test('sets an HttpOnly, SameSite=Lax session cookie that is not Secure over http', async ({
	request,
}) => {
	const res = await request.post('/login?_action=auth.login', {
		form: { email: E2E_USERS.bob.email, password: E2E_PASSWORD },
		headers: { origin: BASE_URL },
		maxRedirects: 0,
	});
	expect(res.status()).toBe(303);
	const cookie = res.headers()['set-cookie'] ?? '';
	expect(cookie).toMatch(/session=[a-z2-7]{32}/);
	expect(cookie).toMatch(/HttpOnly/i);
	expect(cookie).toMatch(/SameSite=Lax/i);
	expect(cookie).not.toMatch(/Secure/i);
});

test('reports health as JSON with the embedded database', async ({ request }) => {
	const res = await request.get('/api/health');
	expect(await res.json()).toMatchObject({ status: 'ok', database: 'pglite' });
});

test('answers an unknown page with a friendly 404', async ({ page }) => {
	const res = await page.goto('/no/such/page');
	expect(res?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find that page');
});
