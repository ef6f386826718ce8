import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ManualFrontmatterSchema } from '#lib/manual-frontmatter.schema.ts';

// Entry ids are the path under content/manuals without `.md`, e.g. `admin-panel/currencies`.
const manuals = defineCollection({
	loader: glob({ pattern: '**/*.md', base: './content/manuals' }),
	schema: ManualFrontmatterSchema,
});

export const collections = { manuals };
