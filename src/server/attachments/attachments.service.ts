/**
 * Receiving files (type from the bytes, images re-encoded, quota, storage) and attaching them to
 * the message they were sent with.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { SessionUser } from '#server/auth/sessions.ts';
import { now } from '#server/clock.ts';
import type { Db } from '#server/db/schema.ts';
import { BadRequestError, NotFoundError } from '#server/errors.ts';
import { messageRef } from '#i18n/message-ref.ts';
import {
	deletePending,
	insertAttachment,
	linkAttachments,
	type Attachment,
	type AttachmentParent,
} from './attachments.repo.ts';
import { classifyFile, KNOWN_EXTENSIONS, type StoredType } from './file-types.ts';
import { processImage } from './images.ts';
import { UPLOAD_LIMITS } from './limits.ts';
import { messageTooLarge, tooManyFiles, type ReceivedFile } from './multipart.ts';
import { withExtension } from './names.ts';
import { consumeQuota } from './quota.ts';
import { blobStore } from './storage.ts';

interface PreparedFile {
	name: string;
	type: StoredType;
	/** The bytes to store: the upload as sent, or the re-encoded image. */
	path: string;
	size: number;
	sha256: string;
	image: {
		width: number;
		height: number;
		thumbnail: { data: Buffer; sha256: string; width: number; height: number };
	} | null;
}

type Preparation = { ok: true; file: PreparedFile } | { ok: false; reason: string };

async function prepare(file: ReceivedFile): Promise<Preparation> {
	if (file.size === 0)
		return { ok: false, reason: messageRef('attachments.errors.empty', { name: file.name }) };
	const classified = await classifyFile(file);
	if (!classified.ok) return classified;
	const { type } = classified;
	const name = type.text ? file.name : withExtension(file.name, type.ext, KNOWN_EXTENSIONS);
	if (!type.image) {
		return {
			ok: true,
			file: { name, type, path: file.path, size: file.size, sha256: file.sha256, image: null },
		};
	}
	const output = `${file.path}.image`;
	const processed = await processImage(file.path, output, type.mime, name);
	if (!processed.ok) return processed;
	const { size, sha256 } = await hashFile(output);
	const { thumbnail } = processed.image;
	return {
		ok: true,
		file: {
			name,
			type,
			path: output,
			size,
			sha256,
			image: {
				width: processed.image.width,
				height: processed.image.height,
				thumbnail: { ...thumbnail, sha256: sha256Of(thumbnail.data) },
			},
		},
	};
}

/**
 * Stores the files of one message for `user`, not attached to anything yet (see
 * `attachUploads`). All or nothing: one refused file refuses them all and nothing is kept.
 * @throws BadRequestError (field `attachments`) naming each refused file and why;
 *   ContentTooLargeError past the per-message limits; TooManyRequestsError over the monthly quota.
 */
export async function receiveUploads(
	db: Db,
	user: SessionUser,
	files: ReceivedFile[],
): Promise<Attachment[]> {
	if (files.length > UPLOAD_LIMITS.filesPerMessage)
		throw tooManyFiles(UPLOAD_LIMITS.filesPerMessage);
	const prepared: PreparedFile[] = [];
	const refusals: string[] = [];
	// One at a time: images take a libvips thread each (see ./images.ts).
	for (const file of files) {
		const result = await prepare(file);
		if (result.ok) prepared.push(result.file);
		else refusals.push(result.reason);
	}
	if (refusals.length > 0) {
		// NOTE: one message names one file: the person fixes it and sends again (a message
		// reference cannot be joined with another into one translated sentence).
		throw new BadRequestError(refusals[0]!, { attachments: refusals[0]! });
	}
	const at = now();
	const stored = prepared.reduce(
		(sum, f) => sum + f.size + (f.image?.thumbnail.data.length ?? 0),
		0,
	);
	return db.transaction().execute(async (trx) => {
		await consumeQuota(trx, user, stored, at);
		const store = blobStore(trx);
		const attachments: Attachment[] = [];
		for (const file of prepared) {
			await store.put(file.sha256, file.size, () => fs.createReadStream(file.path));
			const thumb = file.image?.thumbnail;
			if (thumb) await store.put(thumb.sha256, thumb.data.length, () => bytesOf(thumb.data));
			attachments.push(
				await insertAttachment(trx, {
					uploaderId: user.id,
					name: file.name,
					contentType: file.type.mime,
					size: file.size,
					sha256: file.sha256,
					image: file.image && {
						width: file.image.width,
						height: file.image.height,
						thumbnail: {
							sha256: file.image.thumbnail.sha256,
							width: file.image.thumbnail.width,
							height: file.image.thumbnail.height,
						},
					},
					createdAt: at,
				}),
			);
		}
		return attachments;
	});
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Attaches files `user` uploaded earlier (pending) to the message they are sent with. Call it in
 * the transaction that writes the message, so the message and its files appear together.
 * @throws BadRequestError (field `attachments`) when an id is not one of the user's pending files
 *   (sent already, removed by the cleanup, someone else's) or too many files are given;
 *   ContentTooLargeError when they add up to more than the per-message limit.
 */
export async function attachUploads(
	trx: Db,
	user: SessionUser,
	ids: readonly string[],
	parent: Exclude<AttachmentParent, { kind: 'pending' }>,
): Promise<void> {
	const unique = [...new Set(ids)];
	if (unique.length === 0) return;
	if (unique.length > UPLOAD_LIMITS.filesPerMessage)
		throw tooManyFiles(UPLOAD_LIMITS.filesPerMessage);
	const gone = new BadRequestError(messageRef('attachments.errors.gone'), {
		attachments: messageRef('attachments.field.again'),
	});
	if (!unique.every((id) => UUID.test(id))) throw gone;
	const rows = await trx
		.selectFrom('attachments')
		.select('size')
		.where('id', 'in', unique)
		.where('uploader_id', '=', user.id)
		.where('ticket_id', 'is', null)
		.where('forum_post_id', 'is', null)
		.execute();
	if (rows.length !== unique.length) throw gone;
	const total = rows.reduce((sum, r) => sum + Number(r.size), 0);
	if (total > UPLOAD_LIMITS.messageBytes) throw messageTooLarge(UPLOAD_LIMITS);
	const linked = await linkAttachments(trx, {
		ids: unique,
		uploaderId: user.id,
		parent,
		at: now(),
	});
	if (linked !== unique.length) throw gone;
}

/**
 * Removes a file `user` uploaded and has not sent (the composer's remove button).
 * @throws NotFoundError for anything else (sent files, other people's, unknown ids).
 */
export async function discardUpload(db: Db, user: SessionUser, id: string): Promise<void> {
	if (!UUID.test(id) || !(await deletePending(db, user.id, id)))
		throw new NotFoundError(messageRef('attachments.errors.notFound'));
}

async function* bytesOf(data: Uint8Array): AsyncIterable<Uint8Array> {
	yield data;
}

function sha256Of(data: Uint8Array): string {
	return createHash('sha256').update(data).digest('hex');
}

async function hashFile(file: string): Promise<{ size: number; sha256: string }> {
	const hash = createHash('sha256');
	let size = 0;
	for await (const chunk of fs.createReadStream(file)) {
		hash.update(chunk as Buffer);
		size += (chunk as Buffer).byteLength;
	}
	return { size, sha256: hash.digest('hex') };
}
