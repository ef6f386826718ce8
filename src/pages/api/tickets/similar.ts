import type { APIRoute } from 'astro';
import { requireUser } from '#server/auth/guards.ts';
import { getDb } from '#server/app.ts';
import { BadRequestError } from '#server/errors.ts';
import { errorResponse, json } from '#server/http/responses.ts';
import { findSimilarRequests } from '#server/tickets/similar.service.ts';
import { SimilarQuerySchema } from '#server/tickets/tickets.schema.ts';

export const prerender = false;

/**
 * `GET /api/tickets/similar?subject=&q=`: the caller's OWN open tickets and recent forum topics
 * that look like the request being typed. Logged-in users only.
 */
export const GET: APIRoute = async ({ url, locals }) => {
	try {
		const user = requireUser(locals);
		const parsed = SimilarQuerySchema.safeParse(Object.fromEntries(url.searchParams));
		if (!parsed.success) throw new BadRequestError('The query is too long.');
		return json(await findSimilarRequests(await getDb(), user, parsed.data));
	} catch (error) {
		return errorResponse(error, 'api/tickets/similar');
	}
};
