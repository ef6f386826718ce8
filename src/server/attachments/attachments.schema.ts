import { z } from 'astro/zod';
import { UPLOAD_LIMITS } from './limits.ts';

/**
 * The fields every message form with files carries (see ./form-rewrite.ts): the ids of its
 * files, and the reason its files were refused, if they were. Spread into a message schema.
 */
export const attachmentFields = {
	attachment: z
		.array(z.string().max(64))
		.max(UPLOAD_LIMITS.filesPerMessage * 2)
		.optional(),
	attachmentsError: z.string().max(2_000).optional(),
	attachmentsErrorCode: z.string().max(64).optional(),
};

const AttachmentFieldsSchema = z.object(attachmentFields);
export type AttachmentInput = z.output<typeof AttachmentFieldsSchema>;
