import type { AstroCookies } from 'astro';

export const SESSION_COOKIE = 'session';

/** `secure` follows the request's scheme: e2e tests run the build over plain HTTP. */
export function setSessionCookie(cookies: AstroCookies, url: URL, token: string, expiresAt: Date) {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: url.protocol === 'https:',
		expires: expiresAt,
	});
}

export function deleteSessionCookie(cookies: AstroCookies, url: URL) {
	cookies.set(SESSION_COOKIE, '', {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: url.protocol === 'https:',
		maxAge: 0,
	});
}
