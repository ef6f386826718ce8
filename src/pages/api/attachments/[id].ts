import type { APIRoute } from 'astro';
import { requireUser } from '#server/auth/guards.ts';
import { discardUpload } from '#server/attachments/attachments.service.ts';
import { getDb } from '#server/app.ts';
import { errorResponse } from '#server/http/responses.ts';

/** DELETE → 204: removes a file the viewer uploaded and has not sent yet ("remove" button). */
export const DELETE: APIRoute = async ({ params, locals }) => {
	try {
		await discardUpload(await getDb(), requireUser(locals), params.id ?? '');
		return new Response(null, { status: 204 });
	} catch (error) {
		return errorResponse(error, 'attachments discard');
	}
};
