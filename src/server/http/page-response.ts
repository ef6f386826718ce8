// What the middleware does to every answer: known failures of the rest of the request become
// plain answers, Retry-After reaches 429/503 answers, and the security headers are added.
import { bodyTooLarge, isBodyTooLarge } from './limits.ts';
import { isDatabaseUnavailable, isUnstorableText, UNSTORABLE_TEXT_MESSAGE } from './responses.ts';
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
		return failureResponse(error);
	}
	addRetryAfter(response, retryAfter);
	addSecurityHeaders(response, url);
	return response;
}

/** 413, 400 or 503 for the failures that are not server bugs; anything else is rethrown. */
function failureResponse(error: unknown): Response {
	if (isBodyTooLarge(error)) return bodyTooLarge();
	if (isUnstorableText(error)) return plainText(400, UNSTORABLE_TEXT_MESSAGE);
	if (isDatabaseUnavailable(error)) return serviceUnavailable();
	throw error;
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

/** 503 with Retry-After: the database cannot be reached right now. */
export function serviceUnavailable(): Response {
	return new Response('The service is briefly unavailable. Please retry in a few seconds.', {
		status: 503,
		headers: { 'retry-after': '5', 'content-type': 'text/plain; charset=utf-8' },
	});
}

function plainText(status: number, message: string): Response {
	return new Response(message, {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8' },
	});
}
