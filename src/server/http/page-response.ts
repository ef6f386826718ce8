// What the middleware does to every answer: known failures of the rest of the request become
// plain answers, Retry-After reaches 429/503 answers, and the security headers are added.
import { toPortalError } from './portal-error.ts';
import { withRetryAfterScope } from './retry-after.ts';
import { securityHeaders } from './security-headers.ts';

/**
 * Runs `render` (the rest of the request) and finishes its response. Throws what it cannot
 * answer itself (Astro's error page handles it).
 */
export async function finishResponse(url: URL, render: () => Promise<Response>): Promise<Response> {
	let response: Response;
	let retryAfter: number | undefined;
	try {
		({ result: response, retryAfter } = await withRetryAfterScope(render));
	} catch (error) {
		return pageFailure(error);
	}
	addRetryAfter(response, retryAfter);
	addSecurityHeaders(response, url);
	return response;
}

/**
 * A page's answer to `error` (see toPortalError): its status and message as plain text, with
 * Retry-After. Server bugs are rethrown: Astro's error page answers them.
 */
export function pageFailure(error: unknown): Response {
	const failure = toPortalError(error);
	if (failure.unexpected) throw error;
	return new Response(failure.message, {
		status: failure.status,
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			...(failure.retryAfter ? { 'retry-after': String(failure.retryAfter) } : {}),
		},
	});
}

/** A retry hint noted during the request (rate limits, outages) for 429/503 answers without one. */
function addRetryAfter(response: Response, retryAfter: number | undefined): void {
	if (
		retryAfter &&
		(response.status === 429 || response.status === 503) &&
		!response.headers.has('retry-after')
	) {
		response.headers.set('retry-after', String(retryAfter));
	}
}

function addSecurityHeaders(response: Response, url: URL): void {
	for (const [name, value] of Object.entries(securityHeaders(url))) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
}
