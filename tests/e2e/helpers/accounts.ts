// Throwaway accounts for tests whose counts must not touch the fixture users (posting limits,
// ticket limits): signed up through the app's own form, from their own client address.
import { expect, type APIRequestContext } from '@playwright/test';
import { BASE_URL } from './base-url.ts';
import { fakeClientAddress } from './viewers.ts';

export interface FreshAccount {
	email: string;
	displayName: string;
	/** The profile handle (`/u/<handle>`). */
	handle: string;
}

/**
 * Signs a new customer up through the sign-up form; `api` keeps the session cookie (pass
 * `page.request` to log the page's browser context in too). The account is under a day old.
 */
export async function signUpFresh(
	api: APIRequestContext,
	displayName: string,
): Promise<FreshAccount> {
	const email = `fresh-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}@e2e.test`;
	const res = await api.post('/signup?_action=auth.signUp', {
		form: { email, displayName, password: 'fresh password 1', next: '/' },
		// Its own address: the sign-up limit (per address and hour) is shared by nobody else.
		headers: { origin: BASE_URL, 'x-forwarded-for': fakeClientAddress() },
		maxRedirects: 0,
	});
	expect(res.status(), `sign up ${email}`).toBe(303);
	const home = await (await api.get('/')).text();
	const handle = /<a href="\/u\/([^"]+)"[^>]*>Profile<\/a>/.exec(home)?.[1];
	expect(handle, 'profile link in the header after sign-up').toBeTruthy();
	return { email, displayName, handle: handle! };
}
