import type { APIRoute } from 'astro';
import { requireUser } from '#server/auth/guards.ts';
import { BadRequestError } from '#server/errors.ts';
import { errorResponse, json } from '#server/http/responses.ts';
import { HintPreviewSchema } from '#server/hints/hints.schema.ts';
import { previewHintMarkdown } from '#server/hints/hints.service.ts';

export const prerender = false;

/** `POST /api/hints/preview` `{ body }` → `{ html }`, rendered exactly as the public hint page. Staff only. */
export const POST: APIRoute = async ({ request, locals }) => {
	try {
		const user = requireUser(locals);
		const parsed = HintPreviewSchema.safeParse(await request.json().catch(() => null));
		if (!parsed.success) throw new BadRequestError('Send { "body": "…" } as JSON.');
		return json({ html: previewHintMarkdown(user, parsed.data.body) });
	} catch (error) {
		return errorResponse(error, 'hint preview');
	}
};
