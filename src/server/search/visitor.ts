import type { AstroCookies } from 'astro';
import { encodeBase64urlNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { sha256 } from '@oslojs/crypto/sha2';

/**
 * The anonymous visitor id behind search analytics: a random first-party cookie `sid`
 * (HttpOnly, no personal data). The database keeps only a hash of it.
 */
export const VISITOR_COOKIE = 'sid';
export const VISITOR_COOKIE_MAX_AGE = 365 * 24 * 3600;

export function newVisitorId(): string {
	return encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(18)));
}

export function isVisitorId(value: string | undefined): value is string {
	return value !== undefined && /^[A-Za-z0-9_-]{20,64}$/.test(value);
}

export function visitorHash(visitorId: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(`visitor:${visitorId}`))).slice(0, 32);
}

/**
 * The hashed visitor id from the `sid` cookie; with `create`, a new cookie is set when
 * there is none (search and suggest requests), otherwise undefined is returned.
 */
export function visitorFrom(cookies: AstroCookies, url: URL, create: boolean): string | undefined {
	const current = cookies.get(VISITOR_COOKIE)?.value;
	if (isVisitorId(current)) return visitorHash(current);
	if (!create) return undefined;
	const id = newVisitorId();
	cookies.set(VISITOR_COOKIE, id, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: url.protocol === 'https:',
		maxAge: VISITOR_COOKIE_MAX_AGE,
	});
	return visitorHash(id);
}
