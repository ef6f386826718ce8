import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ManualFrontmatterSchema } from '#lib/manual-frontmatter.schema.ts';
import { MANUAL_SECTIONS, findSectionBySlug } from '#lib/manual-sections.ts';

const ROOT = fileURLToPath(new URL('../../../content/manuals/', import.meta.url));

interface Page {
	id: string;
	raw: Record<string, unknown>;
	body: string;
}

function loadPages(): Page[] {
	const files = readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.md'))
		.sort();
	return files.map((file) => {
		const text = readFileSync(join(ROOT, file), 'utf8');
		const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
		if (!match) throw new Error(`${file}: no frontmatter block`);
		return {
			id: file.split(sep).join('/').replace(/\.md$/, ''),
			raw: parseYaml(match[1] ?? '') as Record<string, unknown>,
			body: match[2] ?? '',
		};
	});
}

/** Body without fenced code blocks: prose is what the word minimum is about. */
function stripCode(body: string): string {
	return body.replace(/^```[\s\S]*?^```/gm, '');
}

function countWords(body: string): number {
	return stripCode(body)
		.split(/\s+/)
		.filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Info strings of opening code fences, '' where a fence has none. */
function fenceLanguages(body: string): string[] {
	const langs: string[] = [];
	let open = false;
	for (const line of body.split('\n')) {
		const fence = /^```(.*)$/.exec(line.trim());
		if (!fence) continue;
		if (!open) langs.push((fence[1] ?? '').trim());
		open = !open;
	}
	return langs;
}

function manualLinks(body: string): string[] {
	return [...body.matchAll(/\]\((\/manuals\/[^)\s]*)\)/g)].map((m) => m[1] ?? '');
}

const pages = loadPages();
const ids = new Set(pages.map((p) => p.id));

const REQUIRED_IDS = [
	'getting-started/overview',
	'getting-started/server-requirements',
	'getting-started/installation',
	'getting-started/first-steps',
	'api-key/obtaining-a-key',
	'api-key/connecting-the-key',
	'api-key/limits-and-renewal',
	'admin-panel/catalog-and-categories',
	'admin-panel/pricing-and-markup',
	'admin-panel/currencies',
	'admin-panel/delivery-methods',
	'admin-panel/payment-methods',
	'admin-panel/orders-and-export',
	'admin-panel/users-and-staff-rights',
	'admin-panel/notification-templates',
	'admin-panel/static-pages-and-menus',
	'admin-panel/discounts',
	'troubleshooting/site-not-loading',
	'troubleshooting/order-errors',
	'troubleshooting/prices-and-currency',
	'troubleshooting/performance-and-caching',
	'support/how-support-works',
	'support/writing-a-good-ticket',
];

describe('manuals content', () => {
	it('has at least 20 pages', () => {
		expect(pages.length).toBeGreaterThanOrEqual(20);
	});

	it('has every page that other content links to', () => {
		expect(REQUIRED_IDS.filter((id) => !ids.has(id))).toEqual([]);
	});

	it.each(pages.map((p) => [p.id, p] as const))('%s has valid frontmatter', (_id, page) => {
		const result = ManualFrontmatterSchema.safeParse(page.raw);
		expect(result.success ? [] : result.error.issues).toEqual([]);
		expect(typeof page.raw['title']).toBe('string');
		expect(typeof page.raw['description']).toBe('string');
		expect(String(page.raw['description']).length).toBeLessThanOrEqual(160);
		expect(Number.isInteger(page.raw['order'])).toBe(true);
	});

	it('puts every page in the section of its folder', () => {
		const misplaced = pages
			.filter((p) => findSectionBySlug(p.id.split('/')[0] ?? '')?.title !== p.raw['section'])
			.map((p) => `${p.id}: ${String(p.raw['section'])}`);
		expect(misplaced).toEqual([]);
	});

	it('only uses the allowed sections', () => {
		const allowed: string[] = MANUAL_SECTIONS.map((s) => s.title);
		expect(pages.filter((p) => !allowed.includes(String(p.raw['section'])))).toEqual([]);
	});

	it('has unique (section, order) pairs', () => {
		const keys = pages.map((p) => `${String(p.raw['section'])}#${String(p.raw['order'])}`);
		const duplicates = keys.filter((k, i) => keys.indexOf(k) !== i);
		expect(duplicates).toEqual([]);
	});

	it('has unique titles', () => {
		const titles = pages.map((p) => String(p.raw['title']));
		expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
	});

	it.each(pages.map((p) => [p.id, p] as const))('%s has 250 to 700 words of prose', (_id, page) => {
		const words = countWords(page.body);
		expect(words).toBeGreaterThanOrEqual(250);
		expect(words).toBeLessThanOrEqual(700);
	});

	it.each(pages.map((p) => [p.id, p] as const))(
		'%s is structured with ## headings',
		(_id, page) => {
			expect(page.body).toMatch(/^## \S/m);
			// The layout renders the title as the only h1.
			expect(page.body).not.toMatch(/^# \S/m);
		},
	);

	it.each(pages.map((p) => [p.id, p] as const))('%s tags every code fence', (_id, page) => {
		expect(fenceLanguages(page.body).filter((lang) => lang === '')).toEqual([]);
	});

	it('links only to manual pages that exist', () => {
		const broken = pages.flatMap((p) =>
			manualLinks(p.body)
				.filter((href) => !ids.has(href.replace(/^\/manuals\//, '')))
				.map((href) => `${p.id} -> ${href}`),
		);
		expect(broken).toEqual([]);
	});

	it('links every page to at least one other manual page', () => {
		expect(pages.filter((p) => manualLinks(p.body).length === 0).map((p) => p.id)).toEqual([]);
	});

	it('points readers of the support guide to the portal routes', () => {
		const guide = pages.find((p) => p.id === 'support/how-support-works');
		expect(guide?.body).toContain('](/support)');
		expect(guide?.body).toContain('](/tickets/new)');
		expect(guide?.body).toContain('](/forum)');
	});
});
