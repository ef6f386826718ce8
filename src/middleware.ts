import { defineMiddleware } from 'astro:middleware';
import { getDb } from '#server/db/client.ts';
import { SESSION_COOKIE, deleteSessionCookie, setSessionCookie } from '#server/auth/cookies.ts';
import { validateSessionToken } from '#server/auth/sessions.ts';
import { isDatabaseUnavailable, isUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '#server/http/responses.ts';
import { securityHeaders } from '#server/http/security-headers.ts';
import { withRetryAfterScope } from '#server/http/retry-after.ts';
import { bodyTooLarge, isBodyTooLarge } from '#server/http/limits.ts';
import { withNow } from '#server/clock.ts';
import { ensureStarted } from '#server/startup.ts';
import { isTicketFormPath, noteTicketFormOpened } from '#server/search/journey.ts';
import { VISITOR_COOKIE } from '#server/search/visitor.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// NOTE: `x-portal-now` lets e2e tests pin the server's clock per request (ignored in production).
export const onRequest = defineMiddleware((context, next) =>
	withNow(context.request.headers.get('x-portal-now'), () => handle(context, next)),
);

const handle: Parameters<typeof defineMiddleware>[0] = async (context, next) => {
	const { request, cookies, url, locals } = context;
	locals.user = null;
	locals.session = null;
	// Once per process: sample content on a fresh database, the search outbox worker.
	void ensureStarted();
	// Search analytics: opening the ticket form after a search counts against deflection.
	if (request.method === 'GET' && isTicketFormPath(url.pathname)) void noteTicketFormOpened(cookies.get(VISITOR_COOKIE)?.value);

	// NOTE: Astro's checkOrigin covers form posts; browsers also say where a request came from.
	const fetchSite = request.headers.get('sec-fetch-site');
	if (UNSAFE.has(request.method) && fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
		return new Response('Cross-site request refused.', { status: 403 });
	}

	const token = cookies.get(SESSION_COOKIE)?.value;
	if (token) {
		try {
			const found = await validateSessionToken(await getDb(), token);
			if (found) {
				locals.user = found.user;
				locals.session = found.session;
				setSessionCookie(cookies, url, token, found.session.expiresAt);
			} else {
				deleteSessionCookie(cookies, url);
			}
		} catch (error) {
			if (!isDatabaseUnavailable(error)) throw error;
			return unavailable();
		}
	}

	let response: Response;
	let retryAfter: number | undefined;
	try {
		({ result: response, retryAfter } = await withRetryAfterScope(() => next()));
	} catch (error) {
		if (isBodyTooLarge(error)) return bodyTooLarge();
		if (isUnstorableText(error)) return plain(400, UNSTORABLE_TEXT_MESSAGE);
		if (!isDatabaseUnavailable(error)) throw error;
		return unavailable();
	}
	if (retryAfter && (response.status === 429 || response.status === 503) && !response.headers.has('retry-after')) {
		response.headers.set('retry-after', String(retryAfter));
	}
	for (const [name, value] of Object.entries(securityHeaders(url))) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
};

function unavailable(): Response {
	return new Response('The service is briefly unavailable. Please retry in a few seconds.', {
		status: 503,
		headers: { 'retry-after': '5', 'content-type': 'text/plain; charset=utf-8' },
	});
}

function plain(status: number, message: string): Response {
	return new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
