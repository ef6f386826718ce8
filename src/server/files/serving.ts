/**
 * Sending a file back: the stored bytes under the stored type, with headers that keep any file
 * inert in the portal's origin whatever it contains. Only the allowed image types are shown
 * inline; everything else is a download. Files never change (the ETag is their SHA-256), so
 * browsers may keep them for a year, privately: access is checked on every request.
 */
import type { Db } from '#server/db/schema.ts';
import { NotFoundError } from '#server/errors.ts';
import { messageRef } from '#i18n/message-ref.ts';
import type { Viewer } from '#server/forum/access.ts';
import { getAttachmentFor } from './access.ts';
import { INLINE_TYPES } from '#server/attachments/file-types.ts';
import { contentDisposition } from '#server/attachments/names.ts';
import { blobStore } from '#server/attachments/storage.ts';

export type Variant = 'original' | 'thumbnail';

// NOTE: `sandbox` gives a file opened on its own an opaque origin without scripts, so even HTML
// that got past the type check could not reach the portal's cookies or pages.
const FILE_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
const THUMBNAIL_TYPE = 'image/webp';

export interface FileHeaders {
	[name: string]: string;
}

export interface OpenedFile {
	status: 200 | 304;
	headers: FileHeaders;
	/** The bytes (undefined for 304 and HEAD). */
	body: AsyncIterable<Uint8Array> | undefined;
}

/**
 * The file `id` (or its thumbnail) as `viewer` may fetch it.
 * `ifNoneMatch` is the request's header: a match answers 304 without the bytes.
 * @throws NotFoundError when the viewer may not see it, or there is no such variant (a thumbnail
 *   of a PDF).
 */
export async function openFile(
	db: Db,
	viewer: Viewer,
	id: string,
	options: { variant: Variant; ifNoneMatch: string | null; head: boolean },
): Promise<OpenedFile> {
	const attachment = await getAttachmentFor(db, viewer, id);
	const thumbnail = options.variant === 'thumbnail' ? attachment.image?.thumbnail : undefined;
	if (options.variant === 'thumbnail' && !thumbnail)
		throw new NotFoundError(messageRef('attachments.errors.noThumbnail'));
	const sha256 = thumbnail?.sha256 ?? attachment.sha256;
	const contentType = thumbnail ? THUMBNAIL_TYPE : attachment.contentType;
	const store = blobStore(db);
	const stat = await store.stat(sha256);
	if (!stat) throw new NotFoundError(messageRef('attachments.errors.notFound'));
	const etag = `"${sha256}"`;
	const headers: FileHeaders = {
		'content-type': contentType,
		'content-disposition': contentDisposition(
			INLINE_TYPES.has(contentType) || thumbnail ? 'inline' : 'attachment',
			attachment.name,
		),
		'x-content-type-options': 'nosniff',
		'content-security-policy': FILE_CSP,
		'cross-origin-resource-policy': 'same-origin',
		'cache-control': 'private, max-age=31536000, immutable',
		etag,
	};
	if (matches(options.ifNoneMatch, etag)) return { status: 304, headers, body: undefined };
	headers['content-length'] = String(stat.size);
	return { status: 200, headers, body: options.head ? undefined : store.stream(sha256) };
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	return ifNoneMatch
		.split(',')
		.map((tag) => tag.trim().replace(/^W\//, ''))
		.some((tag) => tag === etag || tag === '*');
}

/** The Response for a file opened by `openFile` (streamed; cancelled when the client leaves). */
export function fileResponse(opened: OpenedFile): Response {
	const body = opened.body ? toWebStream(opened.body) : null;
	return new Response(body, { status: opened.status, headers: opened.headers });
}

function toWebStream(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
	const iterator = source[Symbol.asyncIterator]();
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			const { value, done } = await iterator.next();
			if (done) controller.close();
			else controller.enqueue(value);
		},
		// The client went away: stop reading the store.
		async cancel() {
			await iterator.return?.();
		},
	});
}
