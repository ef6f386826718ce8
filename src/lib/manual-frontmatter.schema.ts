import { z } from 'astro/zod';
import { MANUAL_SECTION_TITLES } from './manual-sections.ts';

/** Frontmatter of a page in content/manuals/. Shared by the collection and the content tests. */
export const ManualFrontmatterSchema = z.strictObject({
	title: z.string().trim().min(1).max(120),
	// NOTE: used verbatim as the meta description; search engines cut around 160 characters.
	description: z.string().trim().min(1).max(160),
	section: z.enum(MANUAL_SECTION_TITLES),
	order: z.number().int().positive(),
	// YAML may hand over either a string or a Date for an unquoted ISO date.
	updated: z.coerce.date().optional(),
});

export type ManualFrontmatter = z.output<typeof ManualFrontmatterSchema>;
