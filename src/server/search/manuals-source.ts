import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { config } from '#server/config.ts';
import { findSectionBySlug, manualUrl } from '#lib/manual-sections.ts';
import type { SearchDocument } from './search-document.ts';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/**
 * Every manual page under `$CONTENT_DIR/manuals/<section>/<page>.md` as a search document:
 * id `<section>/<page>`, url `/manuals/<id>`, filterable by its section title. Read with fs
 * and yaml (not Astro's collections) so the worker and the reindex CLI can use it.
 * Pages whose frontmatter lacks a title are skipped with a warning.
 */
export function listManualSearchDocuments(contentDir = config().contentDir): SearchDocument[] {
	const root = path.join(contentDir, 'manuals');
	if (!fs.existsSync(root)) return [];
	const docs: SearchDocument[] = [];
	for (const sectionDir of fs
		.readdirSync(root, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.sort((a, b) => a.name.localeCompare(b.name))) {
		for (const file of fs
			.readdirSync(path.join(root, sectionDir.name))
			.filter((f) => f.endsWith('.md'))
			.sort()) {
			const full = path.join(root, sectionDir.name, file);
			const source = fs.readFileSync(full, 'utf8');
			const match = FRONTMATTER.exec(source);
			const data = (match ? parseYaml(match[1] ?? '') : {}) as Record<string, unknown> | null;
			const title = typeof data?.title === 'string' ? data.title : undefined;
			if (!title) {
				console.warn(`[search] ${full}: no title in frontmatter, not indexed`);
				continue;
			}
			const id = `${sectionDir.name}/${file.replace(/\.md$/, '')}`;
			const section =
				typeof data?.section === 'string'
					? data.section
					: (findSectionBySlug(sectionDir.name)?.title ?? sectionDir.name);
			const description = typeof data?.description === 'string' ? data.description : '';
			const updated = data?.updated ? new Date(String(data.updated)) : fs.statSync(full).mtime;
			docs.push({
				kind: 'manual',
				sourceId: id,
				title,
				body: `${description}\n\n${source.slice(match?.[0].length ?? 0)}`,
				url: manualUrl(id),
				section,
				sectionLabel: section,
				updatedAt: Number.isNaN(updated.getTime()) ? new Date(0) : updated,
			});
		}
	}
	return docs;
}

/** A fingerprint of the documents' content (not their mtimes), to skip unchanged syncs. */
export function documentsHash(docs: readonly SearchDocument[]): string {
	const hash = createHash('sha256');
	for (const d of docs)
		hash.update(JSON.stringify([d.sourceId, d.title, d.body, d.url, d.section ?? '']));
	return hash.digest('hex');
}
