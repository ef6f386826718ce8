/**
 * Sample hints shipped in `content/hints/*.md` (frontmatter: title, tags, related, published;
 * the file name is the slug). A fresh portal starts with them (see `ensureSampleHints`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { config } from '#server/config.ts';
import { isHintSlug, normalizeTag } from '#lib/hint-slug.ts';

export interface HintSeed {
	slug: string;
	title: string;
	body: string;
	tags: string[];
	/** Manual page ids (`api-key/connecting-the-key`). */
	relatedManuals: string[];
	publishedAt: Date;
}

const HintSeedFrontmatterSchema = z.strictObject({
	title: z.string().trim().min(3).max(140),
	tags: z
		.array(z.string())
		.max(8)
		.refine((tags) => tags.every((t) => normalizeTag(t) === t), {
			error: 'tags must be lower-case words joined by hyphens',
		}),
	related: z.array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/)).max(10).default([]),
	published: z.coerce.date(),
});

const FRONTMATTER_RE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/;

/** Parses one seed file's text. @throws Error naming `file` when it is malformed. */
export function parseHintSeed(file: string, text: string): HintSeed {
	const slug = path.basename(file, '.md');
	if (!isHintSlug(slug)) throw new Error(`${file}: the file name is not a valid hint slug`);
	const match = FRONTMATTER_RE.exec(text);
	if (!match) throw new Error(`${file}: no frontmatter block`);
	const parsed = HintSeedFrontmatterSchema.safeParse(parseYaml(match[1] ?? ''));
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
		throw new Error(`${file}: ${problems.join('; ')}`);
	}
	const body = (match[2] ?? '').trim();
	if (body.length < 10) throw new Error(`${file}: the body is empty`);
	return {
		slug,
		title: parsed.data.title,
		body,
		tags: parsed.data.tags,
		relatedManuals: parsed.data.related,
		publishedAt: parsed.data.published,
	};
}

/** Every seed in `dir` (default `$CONTENT_DIR/hints`), oldest first; `[]` when it is missing. */
export function loadHintSeeds(dir = path.join(config().contentDir, 'hints')): HintSeed[] {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((name) => name.endsWith('.md'))
		.sort()
		.map((name) => parseHintSeed(name, fs.readFileSync(path.join(dir, name), 'utf8')))
		.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
}
