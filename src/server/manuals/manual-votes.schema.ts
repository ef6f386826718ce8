import { z } from 'astro/zod';

/** The "Was this helpful?" form (and its JSON twin). */
export const ManualVoteSchema = z.object({
	pageId: z
		.string({ error: 'Which page?' })
		.trim()
		.min(1)
		.max(200)
		.regex(/^[a-z0-9-]+(?:\/[a-z0-9-]+)*$/, { error: 'Unknown page.' }),
	helpful: z.enum(['yes', 'no'], { error: 'Answer yes or no.' }).transform((v) => v === 'yes'),
});
export type ManualVote = z.output<typeof ManualVoteSchema>;
