import type { APIRoute } from 'astro';
import { requireUser } from '#server/auth/guards.ts';
import { getDb } from '#server/app.ts';
import { BadRequestError } from '#server/errors.ts';
import { errorResponse, json } from '#server/http/responses.ts';
import { previewMarkdown } from '#server/markdown/preview.service.ts';

/** POST `{ source }` → `{ html }`: Markdown rendered by the shared renderer (logged-in users). */
export const POST: APIRoute = async ({ request, locals }) => {
	try {
		const user = requireUser(locals);
		const length = Number(request.headers.get('content-length') ?? 0);
		// Generous for 50,000 characters of JSON-escaped text; refuse obvious abuse before parsing.
		if (length > 600_000) throw new BadRequestError('Previews are limited to 50,000 characters.');
		const body: unknown = await request.json().catch(() => {
			throw new BadRequestError('Send JSON: { "source": "…" }.');
		});
		return json(await previewMarkdown(await getDb(), user, body));
	} catch (error) {
		return errorResponse(error, 'markdown preview');
	}
};
