import type { APIRoute } from 'astro';
import { getDb } from '#server/app.ts';
import { BadRequestError } from '#server/errors.ts';
import { errorResponse, json } from '#server/http/responses.ts';
import { SuggestQuerySchema } from '#server/search/suggest.schema.ts';
import { suggest } from '#server/search/suggest.service.ts';
import { visitorFrom } from '#server/search/visitor.ts';

export const prerender = false;

/**
 * GET /api/suggest?q=<text> -> { route, reason, results: [{ kind, title, url, snippet }] }.
 * Snippets are plain text. Under 3 characters: route null, no results; over 2,000: 400.
 */
export const GET: APIRoute = async ({ url, cookies }) => {
	const parsed = SuggestQuerySchema.safeParse({ q: url.searchParams.get('q') ?? '' });
	if (!parsed.success) {
		const message = parsed.error.issues[0]?.message ?? 'Invalid question.';
		return errorResponse(new BadRequestError(message, { q: message }));
	}
	try {
		const body = await suggest(await getDb(), parsed.data.q, visitorFrom(cookies, url, true));
		return json(body);
	} catch (error) {
		return errorResponse(error, 'suggest');
	}
};
