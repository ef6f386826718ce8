import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ManualFrontmatterSchema, type ManualFrontmatter } from '#lib/manual-frontmatter.schema.ts';
import { config } from '#server/config.ts';

export interface ManualFile {
	/** `<section>/<page>`, as the collection names it. */
	id: string;
	filePath: string;
	frontmatter: ManualFrontmatter;
	/** The Markdown after the frontmatter. */
	body: string;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/**
 * Every manual page under `$CONTENT_DIR/manuals/<section>/<page>.md`, its frontmatter checked
 * with the collection's schema (ManualFrontmatterSchema), in path order. For code outside Astro
 * (the search worker, `npm run search:reindex`); pages read the collection (src/web/manual-catalog.ts).
 * A page whose frontmatter fails the schema is skipped with a warning (the build refuses it too).
 */
export function readManualFiles(contentDir = config().contentDir): ManualFile[] {
	const root = path.join(contentDir, 'manuals');
	if (!fs.existsSync(root)) return [];
	const files: ManualFile[] = [];
	const sections = fs
		.readdirSync(root, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.map((d) => d.name)
		.sort((a, b) => a.localeCompare(b));
	for (const section of sections) {
		for (const name of fs
			.readdirSync(path.join(root, section))
			.filter((f) => f.endsWith('.md'))
			.sort()) {
			const filePath = path.join(root, section, name);
			const source = fs.readFileSync(filePath, 'utf8');
			const match = FRONTMATTER.exec(source);
			const parsed = ManualFrontmatterSchema.safeParse(match ? parseYaml(match[1] ?? '') : {});
			if (!parsed.success) {
				console.warn(`[manuals] ${filePath}: ${parsed.error.issues[0]?.message}; skipped`);
				continue;
			}
			files.push({
				id: `${section}/${name.replace(/\.md$/, '')}`,
				filePath,
				frontmatter: parsed.data,
				body: source.slice(match?.[0].length ?? 0),
			});
		}
	}
	return files;
}
