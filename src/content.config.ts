import { defineCollection } from 'astro:content';
import { fileURLToPath } from 'node:url';
import { glob, type Loader } from 'astro/loaders';
import { ManualFrontmatterSchema } from '#lib/manual-frontmatter.schema.ts';
import { lastModifiedOf } from '#server/manuals/last-modified.ts';

/**
 * Fills `updated` for pages whose frontmatter has none, from git (or the file's mtime), at
 * content sync. NOTE: `astro dev` reloads an edited file without this step, so such a page shows
 * no date until the next restart.
 */
function withLastModified(inner: Loader): Loader {
	return {
		name: 'manuals-last-modified',
		load: async (context) => {
			await inner.load(context);
			for (const entry of context.store.values()) {
				if (entry.data.updated || !entry.filePath) continue;
				const date = lastModifiedOf(fileURLToPath(new URL(entry.filePath, context.config.root)));
				if (!date) continue;
				// A new digest, or the store would skip the write as unchanged.
				context.store.set({
					...entry,
					data: { ...entry.data, updated: date },
					digest: `${entry.digest ?? ''}:${date.getTime()}`,
				});
			}
		},
	};
}

// Entry ids are the path under content/manuals without `.md`, e.g. `admin-panel/currencies`.
const manuals = defineCollection({
	loader: withLastModified(glob({ pattern: '**/*.md', base: './content/manuals' })),
	schema: ManualFrontmatterSchema,
});

export const collections = { manuals };
