import { defineMiddleware } from 'astro:middleware';
import type { APIContext } from 'astro';
import { getDb } from '#server/app.ts';
import { SESSION_COOKIE, deleteSessionCookie, setSessionCookie } from '#server/auth/cookies.ts';
import { validateSessionToken } from '#server/auth/sessions.ts';
import { finishResponse, pageFailure } from '#server/http/page-response.ts';
import { withNow } from '#server/clock.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// NOTE: `x-portal-now` lets e2e tests pin the server's clock per request (ignored in production).
export const onRequest = defineMiddleware((context, next) =>
	withNow(context.request.headers.get('x-portal-now'), async () => {
		context.locals.user = null;
		context.locals.session = null;
		if (isCrossSiteWrite(context.request))
			return new Response('Cross-site request refused.', { status: 403 });
		try {
			await loadSession(context);
		} catch (error) {
			return pageFailure(error);
		}
		return finishResponse(context.url, next);
	}),
);

/** An unsafe method sent from another site (Astro's checkOrigin covers form posts; browsers also say). */
function isCrossSiteWrite(request: Request): boolean {
	const fetchSite = request.headers.get('sec-fetch-site');
	return (
		UNSAFE.has(request.method) && !!fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none'
	);
}

/** Session cookie → `locals.user`/`locals.session`; extends a valid cookie, drops a stale one. */
async function loadSession({ cookies, url, locals }: APIContext): Promise<void> {
	const token = cookies.get(SESSION_COOKIE)?.value;
	if (!token) return;
	const found = await validateSessionToken(await getDb(), token);
	if (!found) {
		deleteSessionCookie(cookies, url);
		return;
	}
	locals.user = found.user;
	locals.session = found.session;
	setSessionCookie(cookies, url, token, found.session.expiresAt);
}
