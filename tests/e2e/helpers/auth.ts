import { expect, type Page } from '@playwright/test';
import { BASE_URL } from './base-url.ts';
import { E2E_PASSWORD, E2E_USERS, type E2EUser } from './users.ts';

/** Logs the page's browser context in as a fixture user, through the login form action. */
export async function loginAs(page: Page, who: E2EUser): Promise<void> {
	const res = await page.request.post('/login?_action=auth.login', {
		form: { email: E2E_USERS[who].email, password: E2E_PASSWORD, next: '/' },
		headers: { origin: BASE_URL },
		maxRedirects: 0,
	});
	expect(res.status(), `login as ${who}`).toBe(303);
}
