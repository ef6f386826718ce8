/**
 * Upload limits, in one place: the reader enforces them, the forms show them next to the control.
 */

import { megabytes } from '#lib/attachment-text.ts';

const MB = 1024 * 1024;

export { megabytes };

export const UPLOAD_LIMITS = {
	/** Bytes of one file as sent. */
	fileBytes: 10 * MB,
	/** Bytes of all files of one message (ticket, reply, note, post, chat message). */
	messageBytes: 25 * MB,
	/** Files on one message. */
	filesPerMessage: 10,
	/** Stored bytes per account and calendar month (UTC); staff are not limited. */
	monthlyBytes: 300 * MB,
	/**
	 * Pixels of one image (all frames of an animation). A PNG header can claim 50,000 × 50,000
	 * pixels in a few hundred bytes; decoding that would take 10 GB.
	 */
	imagePixels: 40_000_000,
	/** Longest side of a thumbnail. */
	thumbnailSize: 320,
} as const;

/** Bytes of multipart framing and text fields allowed on top of the files. */
export const FORM_OVERHEAD_BYTES = 1 * MB;

/** "10 MB", "2.5 MB", "512 KB", "12 bytes" (English, for logs and scripts; pages translate). */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
	if (bytes < MB) return `${Math.round(bytes / 1024)} KB`;
	const mb = bytes / MB;
	return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}
