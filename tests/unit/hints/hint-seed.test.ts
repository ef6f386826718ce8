import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetConfig } from '#server/config.ts';
import { renderMarkdown } from '#server/markdown/render.ts';
import { defaultHintDir, loadHintSeeds, parseHintSeed } from '#server/hints/hint-seed.ts';
import { findHazards } from '../markdown/inert.ts';

const TAGS = new Set([
	'api-key',
	'pricing',
	'currency',
	'delivery',
	'orders',
	'catalog',
	'admin',
	'seo',
	'payments',
	'troubleshooting',
	'translation',
	'performance',
	'security',
]);

const seeds = loadHintSeeds(resolve('content/hints'));

/** Words of prose, fenced code left out. */
function proseWords(body: string): number {
	return body
		.replace(/```[\s\S]*?```/g, '')
		.split(/\s+/)
		.filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

describe('shipped hint seeds', () => {
	it('has at least 15 hints with unique titles', () => {
		expect(seeds.length).toBeGreaterThanOrEqual(15);
		expect(new Set(seeds.map((seed) => seed.title)).size).toBe(seeds.length);
	});

	it('includes at least three hints in Russian', () => {
		expect(seeds.filter((seed) => /[а-яё]/i.test(seed.title)).length).toBeGreaterThanOrEqual(3);
	});

	it.each(seeds.map((seed) => [seed.slug, seed] as const))('%s renders inert', (_slug, seed) => {
		const html = renderMarkdown(seed.body);
		expect(html.length).toBeGreaterThan(0);
		expect(findHazards(html)).toEqual([]);
	});

	it.each(seeds.map((seed) => [seed.slug, seed] as const))(
		'%s has valid metadata',
		(_slug, seed) => {
			for (const tag of seed.tags) expect(TAGS).toContain(tag);
			expect(seed.related.length).toBeGreaterThan(0);
			for (const slug of seed.related) expect(slug).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
			expect(seed.publishedAt.getUTCFullYear()).toBe(2026);
			const words = proseWords(seed.body);
			expect(words).toBeGreaterThanOrEqual(80);
			expect(words).toBeLessThanOrEqual(250);
		},
	);

	it('links only to manuals that ship', () => {
		const missing = seeds
			.flatMap((seed) => seed.related)
			.filter((slug) => !existsSync(resolve('content/manuals', `${slug}.md`)));
		expect(missing).toEqual([]);
	});

	it('includes hints with code blocks', () => {
		expect(seeds.filter((seed) => seed.body.includes('```')).length).toBeGreaterThanOrEqual(3);
	});
});

describe('parseHintSeed', () => {
	const valid =
		'---\ntitle: A hint\ntags: [pricing]\nrelated: [admin-panel/discounts]\npublished: 2026-09-01\n---\n\nBody text.\n';

	it('parses frontmatter and body', () => {
		const seed = parseHintSeed('a-hint', valid);
		expect(seed).toEqual({
			slug: 'a-hint',
			title: 'A hint',
			body: 'Body text.',
			tags: ['pricing'],
			related: ['admin-panel/discounts'],
			publishedAt: new Date('2026-09-01T00:00:00Z'),
		});
	});

	it('accepts CRLF line endings', () => {
		expect(parseHintSeed('a-hint', valid.replace(/\n/g, '\r\n')).title).toBe('A hint');
	});

	it.each([
		['no frontmatter', 'Just a body'],
		['a bad related slug', valid.replace('admin-panel/discounts', 'discounts')],
		['a bad date', valid.replace('2026-09-01', 'September 1st')],
		['an upper-case tag', valid.replace('[pricing]', '[Pricing]')],
		['an empty body', valid.replace('Body text.', '')],
	])('rejects %s, naming the hint', (_case, text) => {
		expect(() => parseHintSeed('broken-hint', text)).toThrow(/broken-hint/);
	});
});

describe('defaultHintDir', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
		resetConfig();
	});

	it('uses CONTENT_DIR when set', () => {
		vi.stubEnv('CONTENT_DIR', '/srv/portal-content');
		resetConfig();
		expect(defaultHintDir()).toBe('/srv/portal-content/hints');
	});

	it('falls back to ./content/hints', () => {
		vi.stubEnv('CONTENT_DIR', undefined);
		resetConfig();
		expect(defaultHintDir()).toBe(resolve('content', 'hints'));
	});
});
