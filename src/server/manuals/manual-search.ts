import fs from 'node:fs';
import { manualUrl } from '#lib/manual-sections.ts';
import type { SearchDocument } from '#server/search/search-document.ts';
import { readManualFiles } from './manual-files.ts';

/**
 * Every manual page as a public search document: id `<section>/<page>`, url `/manuals/<id>`,
 * filterable by its section title.
 */
export function listManualSearchDocuments(contentDir?: string): SearchDocument[] {
	return readManualFiles(contentDir).map(({ id, filePath, frontmatter, body }) => {
		const updated = frontmatter.updated ?? fs.statSync(filePath).mtime;
		return {
			kind: 'manual',
			sourceId: id,
			title: frontmatter.title,
			body: `${frontmatter.description}\n\n${body}`,
			url: manualUrl(id),
			section: frontmatter.section,
			sectionLabel: frontmatter.section,
			updatedAt: Number.isNaN(updated.getTime()) ? new Date(0) : updated,
		};
	});
}
