/**
 * Who may fetch a file: whoever may see the message it is attached to, by the rules of that
 * message's own domain (src/server/tickets/access.ts, src/server/forum/access.ts). Everyone else
 * gets "not found", the same answer as for an id that does not exist.
 * - ticket files: the ticket's customer and staff; files of internal notes: staff only;
 * - forum files: whoever may see the post (anyone for a public post); files of a deleted post,
 *   like its text, only staff;
 * - files not sent yet: only the person who uploaded them.
 */
import { isStaff } from '#server/auth/guards.ts';
import type { Db } from '#server/db/schema.ts';
import { NotFoundError } from '#server/errors.ts';
import { messageRef } from '#i18n/message-ref.ts';
import { seesHidden, type Viewer } from '#server/forum/access.ts';
import { loadVisiblePost } from '#server/forum/lookup.ts';
import { canSeeTicket } from '#server/tickets/access.ts';
import { findTicketById } from '#server/tickets/tickets.repo.ts';
import {
	findAttachment,
	isInternalMessage,
	type Attachment,
} from '#server/attachments/attachments.repo.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = messageRef('attachments.errors.notFound');

/** Whether `viewer` may fetch `attachment`. */
export async function canSeeAttachment(
	db: Db,
	viewer: Viewer,
	attachment: Attachment,
): Promise<boolean> {
	const { parent } = attachment;
	switch (parent.kind) {
		case 'pending':
			return !!viewer && viewer.id === attachment.uploaderId;
		case 'ticket':
		case 'ticket-message': {
			if (!viewer) return false;
			const ticket = await findTicketById(db, parent.ticketId);
			if (!ticket || !canSeeTicket(viewer, ticket)) return false;
			if (parent.kind === 'ticket') return true;
			const internal = await isInternalMessage(db, parent.messageId);
			return internal === false || (internal === true && isStaff(viewer));
		}
		case 'forum-post': {
			try {
				const { post } = await loadVisiblePost(db, parent.postId, viewer);
				return post.deletedAt === null || seesHidden(viewer);
			} catch (error) {
				if (error instanceof NotFoundError) return false;
				throw error;
			}
		}
	}
}

/**
 * The attachment `id` if `viewer` may fetch it.
 * @throws NotFoundError when it does not exist, `id` is not a uuid, or the viewer may not see it.
 */
export async function getAttachmentFor(db: Db, viewer: Viewer, id: string): Promise<Attachment> {
	const attachment = UUID.test(id) ? await findAttachment(db, id) : undefined;
	if (!attachment || !(await canSeeAttachment(db, viewer, attachment)))
		throw new NotFoundError(NOT_FOUND);
	return attachment;
}
