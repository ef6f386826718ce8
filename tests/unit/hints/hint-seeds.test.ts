import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHintSeeds, parseHintSeed } from '#server/hints/hint-seed.ts';

const MANUALS = fileURLToPath(new URL('../../../content/manuals/', import.meta.url));
const HINTS = fileURLToPath(new URL('../../../content/hints/', import.meta.url));
const manualIds = new Set(
	readdirSync(MANUALS, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.md'))
		.map((f) => f.split(sep).join('/').replace(/\.md$/, '')),
);

describe('shipped sample hints', () => {
	const seeds = loadHintSeeds(HINTS);

	it('has at least 15, all published in the past, oldest first', () => {
		expect(seeds.length).toBeGreaterThanOrEqual(15);
		const dates = seeds.map((s) => s.publishedAt.getTime());
		expect([...dates].sort((a, b) => a - b)).toEqual(dates);
		expect(Math.max(...dates)).toBeLessThan(Date.parse('2026-11-26T00:00:00Z'));
	});

	it('links only to manual pages that exist', () => {
		for (const seed of seeds) {
			for (const id of seed.relatedManuals) expect(manualIds, `${seed.slug} → ${id}`).toContain(id);
		}
	});

	it('links inside the text only to manual pages that exist', () => {
		for (const seed of seeds) {
			for (const [, id] of seed.body.matchAll(/\]\(\/manuals\/([^)#\s]+)/g)) {
				expect(manualIds, `${seed.slug} → ${id}`).toContain(id);
			}
		}
	});

	it('has tags on every hint and unique titles', () => {
		expect(seeds.every((s) => s.tags.length > 0)).toBe(true);
		expect(new Set(seeds.map((s) => s.title)).size).toBe(seeds.length);
	});
});

describe('parseHintSeed', () => {
	it('names the file when the frontmatter is wrong', () => {
		expect(() => parseHintSeed('bad-one.md', '---\ntitle: x\n---\nBody text here.')).toThrow(/bad-one\.md/);
	});

	it('refuses a file name that is not a slug', () => {
		expect(() => parseHintSeed('Bad Name.md', '---\ntitle: Fine title\ntags: [a]\npublished: 2026-01-01\n---\nBody text here.')).toThrow(/slug/);
	});
});
