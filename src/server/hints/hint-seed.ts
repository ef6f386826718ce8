/**
 * Sample hints shipped in `content/hints/*.md`, loaded to fill an empty database.
 *
 * Each file is `<slug>.md`: YAML frontmatter (`title`, `tags`, `related`, `published`) between
 * `---` lines, then the Markdown body.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { config } from '#server/config.ts';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MANUAL_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FRONTMATTER_RE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

export const HintSeedSchema = z.object({
	slug: z.string().regex(KEBAB, { error: 'Slug must be lowercase kebab-case' }),
	title: z.string().trim().min(3).max(200),
	body: z.string().trim().min(1).max(50_000),
	tags: z
		.array(z.string().regex(KEBAB, { error: 'Tags are lowercase kebab-case' }))
		.min(1)
		.max(10),
	related: z.array(
		z.string().regex(MANUAL_SLUG, { error: 'Related manuals look like section/page' }),
	),
	publishedAt: z.date(),
});

export type HintSeed = z.output<typeof HintSeedSchema>;

const FrontmatterSchema = z.object({
	title: z.string(),
	tags: z.array(z.string()),
	related: z.array(z.string()).default([]),
	// YAML 1.2 reads `2026-07-06` as a string; a full timestamp with offset is accepted too.
	published: z.union([z.iso.date(), z.iso.datetime({ offset: true })]),
});

/** Default folder: `$CONTENT_DIR/hints`, `CONTENT_DIR` defaulting to `content` (relative to cwd). */
export function defaultHintDir(): string {
	return resolve(config().contentDir, 'hints');
}

/**
 * Parses one hint file's text. Throws an `Error` naming the slug when the frontmatter is missing
 * or invalid.
 */
export function parseHintSeed(slug: string, text: string): HintSeed {
	const match = FRONTMATTER_RE.exec(text);
	if (!match) throw new Error(`Hint "${slug}" has no --- frontmatter --- block`);
	const front = FrontmatterSchema.safeParse(parseYaml(match[1] ?? ''));
	if (!front.success) {
		throw new Error(`Hint "${slug}" has invalid frontmatter: ${z.prettifyError(front.error)}`);
	}
	const seed = HintSeedSchema.safeParse({
		slug,
		title: front.data.title,
		body: match[2] ?? '',
		tags: front.data.tags,
		related: front.data.related,
		publishedAt: new Date(front.data.published),
	});
	if (!seed.success) throw new Error(`Hint "${slug}" is invalid: ${z.prettifyError(seed.error)}`);
	return seed.data;
}

/**
 * Reads every `*.md` file in `dir` (default `defaultHintDir()`), sorted by slug.
 * Throws when the folder is missing or any file is invalid, so bad content fails loudly at seed
 * time instead of half-seeding.
 */
export function loadHintSeeds(dir: string = defaultHintDir()): HintSeed[] {
	return readdirSync(dir)
		.filter((name) => name.endsWith('.md'))
		.sort()
		.map((name) =>
			parseHintSeed(name.slice(0, -'.md'.length), readFileSync(join(dir, name), 'utf8')),
		);
}
