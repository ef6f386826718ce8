/**
 * The edge's side of uploads, in plain TypeScript: a form post with files (multipart, works
 * without JavaScript) becomes its text fields plus the ids of its stored files, ready for the
 * service that writes the message.
 */
import type { SessionUser } from '#server/auth/sessions.ts';
import type { Db } from '#server/db/schema.ts';
import { receiveUploads } from './attachments.service.ts';
import { FORM_OVERHEAD_BYTES, UPLOAD_LIMITS } from './limits.ts';
import { messageTooLarge, readMultipart } from './multipart.ts';

/** Ids of files uploaded before the form was sent (by the page's script), one field each. */
export const UPLOADED_ID_FIELD = 'attachment';
/** The largest request body an upload route reads (the launcher's limit for multipart posts). */
export const UPLOAD_BODY_LIMIT = UPLOAD_LIMITS.messageBytes + FORM_OVERHEAD_BYTES;

export interface ReceivedForm {
	/** Text fields by name; `field(name)` gives the first value. */
	fields: Map<string, string[]>;
	field(name: string): string | undefined;
	/** Ids of the message's files: uploaded before (script) and sent with the form, in order. */
	attachmentIds: string[];
}

/**
 * Reads a multipart form post, storing its files for `user` (pending until `attachUploads`).
 * @throws ContentTooLargeError when the declared body is over UPLOAD_BODY_LIMIT (before reading
 *   any of it) or a file or the files are over their limits; BadRequestError for a malformed
 *   body or a refused file (field `attachments`); TooManyRequestsError over the monthly quota.
 */
export async function receiveForm(
	db: Db,
	user: SessionUser,
	request: Request,
): Promise<ReceivedForm> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > UPLOAD_BODY_LIMIT) throw messageTooLarge(UPLOAD_LIMITS);
	const body = request.body as AsyncIterable<Uint8Array> | null;
	const form = await readMultipart(request.headers.get('content-type'), body);
	try {
		const stored = form.files.length > 0 ? await receiveUploads(db, user, form.files) : [];
		const earlier = form.fields.get(UPLOADED_ID_FIELD) ?? [];
		return {
			fields: form.fields,
			field: (name) => form.fields.get(name)?.[0],
			attachmentIds: [...earlier, ...stored.map((a) => a.id)],
		};
	} finally {
		await form.dispose();
	}
}
