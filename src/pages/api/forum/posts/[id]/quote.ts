import type { APIRoute } from 'astro';
import { getDb } from '#server/app.ts';
import { quotePost } from '#server/forum/topic-actions.service.ts';
import { errorResponse, json } from '#server/http/responses.ts';

/** GET → `{ markdown }`: the post as a quote with attribution, for the reply box. */
export const GET: APIRoute = async ({ params, locals }) => {
	try {
		return json({ markdown: await quotePost(await getDb(), locals.user, params.id ?? '') });
	} catch (error) {
		return errorResponse(error, 'forum quote');
	}
};
