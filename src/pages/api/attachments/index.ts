import type { APIRoute } from 'astro';
import { requireUser } from '#server/auth/guards.ts';
import { getAttachmentFor } from '#server/files/access.ts';
import { receiveForm } from '#server/attachments/upload-request.ts';
import { toAttachmentView } from '#server/attachments/views.ts';
import { getDb } from '#server/app.ts';
import { errorResponse, json } from '#server/http/responses.ts';

/**
 * POST multipart (`attachments` file fields) → `{ files: AttachmentView[] }`: the page's script
 * uploads files as they are chosen (progress bar), then sends their ids with the message.
 */
export const POST: APIRoute = async ({ request, locals }) => {
	try {
		const user = requireUser(locals);
		const db = await getDb();
		const form = await receiveForm(db, user, request);
		const files = await Promise.all(form.attachmentIds.map((id) => getAttachmentFor(db, user, id)));
		return json({ files: files.map(toAttachmentView) }, 201);
	} catch (error) {
		return errorResponse(error, 'attachments upload');
	}
};
