import type { Selectable } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import type { AttachmentsTable } from '#server/db/schema.ts';

/** What a file is attached to; `pending` until the message it was uploaded for is sent. */
export type AttachmentParent =
	| { kind: 'pending' }
	| { kind: 'ticket'; ticketId: string }
	| { kind: 'ticket-message'; ticketId: string; messageId: string }
	| { kind: 'forum-post'; postId: string };

export interface Attachment {
	id: string;
	uploaderId: string | null;
	/** Sanitised, with the extension of its stored type. */
	name: string;
	contentType: string;
	size: number;
	sha256: string;
	/** Images only: the stored (re-encoded) image's size, and its thumbnail. */
	image: {
		width: number;
		height: number;
		thumbnail: { sha256: string; width: number; height: number };
	} | null;
	parent: AttachmentParent;
	createdAt: Date;
}

type Row = Selectable<AttachmentsTable>;

function toParent(row: Row): AttachmentParent {
	if (row.forum_post_id) return { kind: 'forum-post', postId: row.forum_post_id };
	if (row.ticket_id && row.ticket_message_id)
		return { kind: 'ticket-message', ticketId: row.ticket_id, messageId: row.ticket_message_id };
	if (row.ticket_id) return { kind: 'ticket', ticketId: row.ticket_id };
	return { kind: 'pending' };
}

function toAttachment(row: Row): Attachment {
	const image =
		row.width !== null && row.height !== null && row.thumb_sha256 !== null
			? {
					width: row.width,
					height: row.height,
					thumbnail: {
						sha256: row.thumb_sha256,
						width: row.thumb_width ?? 0,
						height: row.thumb_height ?? 0,
					},
				}
			: null;
	return {
		id: row.id,
		uploaderId: row.uploader_id,
		name: row.name,
		contentType: row.content_type,
		size: Number(row.size),
		sha256: row.sha256,
		image,
		parent: toParent(row),
		createdAt: new Date(row.created_at),
	};
}

export interface NewAttachment {
	uploaderId: string;
	name: string;
	contentType: string;
	size: number;
	sha256: string;
	image: Attachment['image'];
	createdAt: Date;
}

/** A pending attachment (no parent yet). */
export async function insertAttachment(db: Db, values: NewAttachment): Promise<Attachment> {
	const row = await db
		.insertInto('attachments')
		.values({
			uploader_id: values.uploaderId,
			name: values.name,
			content_type: values.contentType,
			size: values.size,
			sha256: values.sha256,
			width: values.image?.width ?? null,
			height: values.image?.height ?? null,
			thumb_sha256: values.image?.thumbnail.sha256 ?? null,
			thumb_width: values.image?.thumbnail.width ?? null,
			thumb_height: values.image?.thumbnail.height ?? null,
			created_at: values.createdAt,
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	return toAttachment(row);
}

export async function findAttachment(db: Db, id: string): Promise<Attachment | undefined> {
	const row = await db
		.selectFrom('attachments')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	return row && toAttachment(row);
}

/** Whether the message of a ticket attachment is an internal note (false for the opening). */
export async function isInternalMessage(db: Db, messageId: string): Promise<boolean | undefined> {
	const row = await db
		.selectFrom('ticket_messages')
		.select('internal')
		.where('id', '=', messageId)
		.executeTakeFirst();
	return row?.internal;
}

/**
 * Gives the pending attachments `ids` uploaded by `uploaderId` their parent.
 * Returns how many were linked (fewer than `ids` when some are not pending or not theirs).
 */
export async function linkAttachments(
	db: Db,
	values: {
		ids: string[];
		uploaderId: string;
		parent: Exclude<AttachmentParent, { kind: 'pending' }>;
		at: Date;
	},
): Promise<number> {
	if (values.ids.length === 0) return 0;
	const { parent } = values;
	const result = await db
		.updateTable('attachments')
		.set({
			ticket_id: parent.kind === 'forum-post' ? null : parent.ticketId,
			ticket_message_id: parent.kind === 'ticket-message' ? parent.messageId : null,
			forum_post_id: parent.kind === 'forum-post' ? parent.postId : null,
			attached_at: values.at,
		})
		.where('id', 'in', values.ids)
		.where('uploader_id', '=', values.uploaderId)
		.where('ticket_id', 'is', null)
		.where('forum_post_id', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/**
 * The files of a ticket (its opening and its messages), oldest first.
 * NOTE: files of internal notes are filtered in SQL, like the notes themselves.
 */
export async function listTicketAttachments(
	db: Db,
	ticketId: string,
	options: { includeInternal: boolean },
): Promise<Attachment[]> {
	let query = db
		.selectFrom('attachments as a')
		.leftJoin('ticket_messages as m', 'm.id', 'a.ticket_message_id')
		.selectAll('a')
		.where('a.ticket_id', '=', ticketId);
	if (!options.includeInternal)
		query = query.where((eb) => eb.or([eb('m.id', 'is', null), eb('m.internal', '=', false)]));
	const rows = await query.orderBy('a.created_at').orderBy('a.id').execute();
	return rows.map(toAttachment);
}

/** The files of the forum posts `postIds`, oldest first. */
export async function listPostAttachments(db: Db, postIds: string[]): Promise<Attachment[]> {
	if (postIds.length === 0) return [];
	const rows = await db
		.selectFrom('attachments')
		.selectAll()
		.where('forum_post_id', 'in', postIds)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
	return rows.map(toAttachment);
}

/** Deletes pending attachments uploaded before `cutoff` (never sent). */
export async function deletePendingBefore(db: Db, cutoff: Date): Promise<number> {
	const result = await db
		.deleteFrom('attachments')
		.where('ticket_id', 'is', null)
		.where('forum_post_id', 'is', null)
		.where('created_at', '<', cutoff)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** Which of the blobs `hashes` some attachment keeps (as its file or its thumbnail). */
export async function listReferencedBlobs(db: Db, hashes: string[]): Promise<Set<string>> {
	if (hashes.length === 0) return new Set();
	const [files, thumbnails] = await Promise.all([
		db.selectFrom('attachments').select('sha256 as h').where('sha256', 'in', hashes).execute(),
		db
			.selectFrom('attachments')
			.select('thumb_sha256 as h')
			.where('thumb_sha256', 'in', hashes)
			.execute(),
	]);
	return new Set([...files, ...thumbnails].map((r) => r.h).filter((h) => h !== null));
}

/** Deletes one of `uploaderId`'s files not sent yet. True when there was one. */
export async function deletePending(db: Db, uploaderId: string, id: string): Promise<boolean> {
	const result = await db
		.deleteFrom('attachments')
		.where('id', '=', id)
		.where('uploader_id', '=', uploaderId)
		.where('ticket_id', 'is', null)
		.where('forum_post_id', 'is', null)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}
