import { getTranslator } from '#i18n/index.ts';
import type { SessionUser } from '#server/auth/sessions.ts';
import type { Attachment } from '#server/attachments/attachments.repo.ts';
import { receiveUploads } from '#server/attachments/attachments.service.ts';
import { readMultipart } from '#server/attachments/multipart.ts';
import { openFile, type Variant } from '#server/files/serving.ts';
import type { Db } from '#server/db/schema.ts';
import type { Viewer } from '#server/forum/access.ts';
import { chunked, multipartBody } from './files.ts';

/** Uploads `files` as one form post would: through the streaming reader, then the service. */
export async function upload(
	db: Db,
	user: SessionUser,
	files: { name: string; data: Buffer; type?: string }[],
): Promise<Attachment[]> {
	const { body, contentType } = multipartBody(
		files.map((f) => ({ name: 'attachments', filename: f.name, type: f.type, data: f.data })),
	);
	const form = await readMultipart(contentType, chunked(body));
	try {
		return await receiveUploads(db, user, form.files);
	} finally {
		await form.dispose();
	}
}

/** The bytes `viewer` gets for a file, with the headers. */
export async function fetchFile(db: Db, viewer: Viewer, id: string, variant: Variant = 'original') {
	const opened = await openFile(db, viewer, id, { variant, ifNoneMatch: null, head: false });
	const parts: Buffer[] = [];
	for await (const chunk of opened.body ?? []) parts.push(Buffer.from(chunk));
	return { ...opened, bytes: Buffer.concat(parts) };
}

const en = getTranslator('en', { timeZone: 'Europe/Moscow', zoneLabel: 'MSK' });

/** A service's message (a message reference) as an English reader sees it. */
export function english(text: string | undefined): string {
	return en.text(text ?? '');
}
