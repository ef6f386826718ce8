// Log-ins for browser tests without the login form: the e2e web server (server.ts) writes one
// session row per fixture account before it starts and leaves their tokens in SESSIONS_FILE;
// tests put the token in the session cookie. (The form costs an argon2 hash per login; auth.spec
// and the access matrix's fresh sessions still log in through it.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { BASE_URL } from './base-url.ts';
import type { E2EUser } from './users.ts';

export const SESSIONS_FILE = path.join(
	os.tmpdir(),
	`portal-e2e-sessions-${new URL(BASE_URL).port}.json`,
);

let tokens: Record<E2EUser, string> | undefined;

/** The token of `who`'s fixture session (shared by every test: never log it out). */
export function sessionToken(who: E2EUser): string {
	tokens ??= JSON.parse(fs.readFileSync(SESSIONS_FILE, 'utf8')) as Record<E2EUser, string>;
	return tokens[who];
}

/** The session cookie of `who`, as Playwright stores it. */
export function sessionCookie(who: E2EUser) {
	const { hostname } = new URL(BASE_URL);
	return {
		name: 'session',
		value: sessionToken(who),
		domain: hostname,
		path: '/',
		expires: -1,
		httpOnly: true,
		secure: false,
		sameSite: 'Lax' as const,
	};
}

/** Signs a browser context in as `who` with its fixture session. */
export async function signIn(context: BrowserContext, who: E2EUser): Promise<void> {
	await context.addCookies([sessionCookie(who)]);
}
