/**
 * Attachments as pages show them, already cut down to what the viewer may see (the same rules
 * as ./access.ts, applied to whole lists).
 */
import { isStaff } from '#server/auth/guards.ts';
import type { SessionUser } from '#server/auth/sessions.ts';
import type { Db } from '#server/db/schema.ts';
import { listPostAttachments, listTicketAttachments, type Attachment } from './attachments.repo.ts';
import { typeKeyOf } from './file-types.ts';
import { fileUrl, thumbnailUrl } from './urls.ts';

/** Who is looking (visitors too, on forum pages). */
export type Viewer = SessionUser | null;

export interface AttachmentView {
	id: string;
	name: string;
	/** Names the type in messages: `attachments.type.<typeKey>` ("PNG image"); see ./present.ts. */
	typeKey: string;
	bytes: number;
	url: string;
	/** Images: a thumbnail that links to `url`. */
	thumbnail: { url: string; width: number; height: number } | null;
}

export function toAttachmentView(attachment: Attachment): AttachmentView {
	const thumb = attachment.image?.thumbnail;
	return {
		id: attachment.id,
		name: attachment.name,
		typeKey: typeKeyOf(attachment.contentType),
		bytes: attachment.size,
		url: fileUrl(attachment),
		thumbnail: thumb
			? { url: thumbnailUrl(attachment), width: thumb.width, height: thumb.height }
			: null,
	};
}

export interface TicketAttachments {
	/** Files sent with the ticket itself. */
	opening: AttachmentView[];
	/** Files by ticket message id (internal notes' only for staff). */
	byMessage: Map<string, AttachmentView[]>;
}

/** The files of a ticket `viewer` may already see (checked by the caller with getTicketFor). */
export async function listTicketFiles(
	db: Db,
	viewer: SessionUser,
	ticketId: string,
): Promise<TicketAttachments> {
	const attachments = await listTicketAttachments(db, ticketId, {
		includeInternal: isStaff(viewer),
	});
	const result: TicketAttachments = { opening: [], byMessage: new Map() };
	for (const attachment of attachments) {
		const view = toAttachmentView(attachment);
		if (attachment.parent.kind === 'ticket-message') {
			const list = result.byMessage.get(attachment.parent.messageId) ?? [];
			list.push(view);
			result.byMessage.set(attachment.parent.messageId, list);
		} else result.opening.push(view);
	}
	return result;
}

/**
 * The files of forum posts the viewer is shown, by post id. A deleted post's files, like its text,
 * only staff see; hidden posts reach the list only for staff anyway.
 */
export async function listPostFiles(
	db: Db,
	viewer: Viewer,
	posts: readonly { id: string; deletedAt: Date | null; hidden: boolean }[],
): Promise<Map<string, AttachmentView[]>> {
	// NOTE: the forum's rule (forum/access.ts seesHidden): staff see hidden and deleted posts.
	const shown = posts.filter((p) => isStaff(viewer) || (p.deletedAt === null && !p.hidden));
	const result = new Map<string, AttachmentView[]>();
	for (const attachment of await listPostAttachments(
		db,
		shown.map((p) => p.id),
	)) {
		if (attachment.parent.kind !== 'forum-post') continue;
		const list = result.get(attachment.parent.postId) ?? [];
		list.push(toAttachmentView(attachment));
		result.set(attachment.parent.postId, list);
	}
	return result;
}
