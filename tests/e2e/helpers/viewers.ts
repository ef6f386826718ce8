// Who is asking: the six roles of the access matrix, mapped to the e2e fixture accounts, with
// their fixture sessions (sessions.ts) for browser contexts and Node-side request contexts.
import {
	request,
	type APIRequestContext,
	type Browser,
	type BrowserContext,
} from '@playwright/test';
import { BASE_URL } from './base-url.ts';
import { sessionCookie } from './sessions.ts';
import { E2E_PASSWORD, E2E_USERS, type E2EUser } from './users.ts';

export const VIEWERS = [
	'anonymous',
	'customer',
	'otherCustomer',
	'developer',
	'staff',
	'admin',
] as const;
export type Viewer = (typeof VIEWERS)[number];

export const VIEWER_USERS: Record<Exclude<Viewer, 'anonymous'>, E2EUser> = {
	customer: 'alice',
	otherCustomer: 'carol',
	developer: 'developer',
	staff: 'staff',
	admin: 'admin',
};

type StorageState = Awaited<ReturnType<APIRequestContext['storageState']>>;
const states = new Map<Viewer, Promise<StorageState>>();

/**
 * A documentation-range address (RFC 5737) for X-Forwarded-For: the e2e server trusts the proxy
 * header (TRUST_PROXY=1), so tests that trip rate limits keep their counts to themselves instead
 * of locking every other test out of 127.0.0.1.
 */
export function fakeClientAddress(): string {
	const n = () => Math.floor(Math.random() * 254) + 1;
	return `203.0.${n()}.${n()}`;
}

/**
 * Logs `viewer` in through the login form with a session of its own (for routes that end the
 * session they are sent with) and returns the cookie jar (empty for anonymous).
 */
export async function freshStorageState(viewer: Viewer): Promise<StorageState> {
	const api = await request.newContext({ baseURL: BASE_URL });
	try {
		if (viewer !== 'anonymous') {
			const res = await api.post('/login?_action=auth.login', {
				form: { email: E2E_USERS[VIEWER_USERS[viewer]].email, password: E2E_PASSWORD, next: '/' },
				headers: { origin: BASE_URL, 'x-forwarded-for': fakeClientAddress() },
				maxRedirects: 0,
			});
			if (res.status() !== 303) throw new Error(`login as ${viewer} answered ${res.status()}`);
		}
		return await api.storageState();
	} finally {
		await api.dispose();
	}
}

/** The cookie jar of `viewer`'s fixture session (sessions.ts; empty for anonymous). */
export function storageStateFor(viewer: Viewer): Promise<StorageState> {
	let state = states.get(viewer);
	if (!state) {
		state = Promise.resolve({
			cookies: viewer === 'anonymous' ? [] : [sessionCookie(VIEWER_USERS[viewer])],
			origins: [],
		});
		states.set(viewer, state);
	}
	return state;
}

/** A browser context logged in as `viewer`; close it when done. */
export async function browserContextAs(browser: Browser, viewer: Viewer): Promise<BrowserContext> {
	return browser.newContext({ storageState: await storageStateFor(viewer) });
}

/** A Node-side request context logged in as `viewer` (`fresh`: its own new session). */
export async function requestAs(
	viewer: Viewer,
	{ fresh = false } = {},
): Promise<APIRequestContext> {
	const storageState = fresh ? await freshStorageState(viewer) : await storageStateFor(viewer);
	return request.newContext({ baseURL: BASE_URL, storageState });
}
