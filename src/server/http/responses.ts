import { toPortalError } from './portal-error.ts';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'cache-control': 'no-store',
			...headers,
		},
	});
}

/**
 * A JSON endpoint's answer to `error` (see toPortalError): `{ error: { code, message, fields? } }`
 * with its status and Retry-After; unexpected errors are logged under `context`.
 */
export function errorResponse(error: unknown, context = 'request'): Response {
	const failure = toPortalError(error);
	if (failure.unexpected) console.error(`[${context}] unexpected error:`, error);
	return json(
		{
			error: {
				code: failure.code,
				message: failure.message,
				...(failure.fields ? { fields: failure.fields } : {}),
			},
		},
		failure.status,
		failure.retryAfter ? { 'retry-after': String(failure.retryAfter) } : {},
	);
}
