import type { Attachment } from './attachments.repo.ts';

/** Where a file is served (src/pages/files/[id]/[name].ts); the name part is for people only. */
export function fileUrl(attachment: Pick<Attachment, 'id' | 'name'>): string {
	return `/files/${attachment.id}/${encodeURIComponent(attachment.name)}`;
}

/** An image's thumbnail (WebP). */
export function thumbnailUrl(attachment: Pick<Attachment, 'id' | 'name'>): string {
	return `${fileUrl(attachment)}?size=thumbnail`;
}
