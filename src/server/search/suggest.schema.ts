import { z } from 'astro/zod';
import { MAX_QUERY_LENGTH } from './search.service.ts';

export const SuggestQuerySchema = z.object({
	q: z
		.string()
		.default('')
		.refine((q) => q.length <= MAX_QUERY_LENGTH, {
			error: `The question is too long: at most ${MAX_QUERY_LENGTH.toLocaleString('en')} characters.`,
		}),
});
export type SuggestQuery = z.output<typeof SuggestQuerySchema>;
