import type { AstroCookies } from 'astro';
import { newVoterCookie, type Voter } from './manual-votes.service.ts';

export const VOTER_COOKIE = 'kb_voter';
const VOTER_COOKIE_RE = /^[A-Za-z0-9_-]{20,64}$/;

/**
 * The voter behind a request: the logged-in user, else the anonymous voter cookie (created on
 * first vote; first-party, httpOnly, one year).
 */
export function voterFor(userId: string | undefined, cookies: AstroCookies, url: URL): Voter {
	if (userId) return { userId };
	const existing = cookies.get(VOTER_COOKIE)?.value;
	if (existing && VOTER_COOKIE_RE.test(existing)) return { cookie: existing };
	const cookie = newVoterCookie();
	cookies.set(VOTER_COOKIE, cookie, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: url.protocol === 'https:',
		maxAge: 365 * 24 * 60 * 60,
	});
	return { cookie };
}
