import { describe, expect, it } from 'vitest';
import {
	MANUAL_SECTIONS,
	MANUAL_SECTION_TITLES,
	compareManuals,
	findSectionBySlug,
	findSectionByTitle,
	groupManualsBySection,
	manualUrl,
	sectionRank,
	sectionSlugOfId,
} from '#lib/manual-sections.ts';
import { ManualFrontmatterSchema } from '#lib/manual-frontmatter.schema.ts';

function entry(id: string, section: string, order: number, title = id) {
	return { id, data: { section, order, title } };
}

describe('manual sections', () => {
	it('lists sections in sidebar order with unique slugs', () => {
		expect(MANUAL_SECTIONS.map((s) => s.slug)).toEqual([
			'getting-started',
			'api-key',
			'admin-panel',
			'troubleshooting',
			'support',
		]);
		expect(MANUAL_SECTION_TITLES).toEqual(MANUAL_SECTIONS.map((s) => s.title));
	});

	it('finds sections by slug and by title', () => {
		expect(findSectionBySlug('api-key')?.title).toBe('API key');
		expect(findSectionByTitle('Admin panel')?.slug).toBe('admin-panel');
		expect(findSectionBySlug('nope')).toBeUndefined();
	});

	it('ranks unknown sections after all known ones', () => {
		expect(sectionRank('Getting started')).toBe(0);
		expect(sectionRank('Support')).toBe(4);
		expect(sectionRank('Elsewhere')).toBe(MANUAL_SECTIONS.length);
	});

	it('derives the section slug and URL from an entry id', () => {
		expect(sectionSlugOfId('admin-panel/currencies')).toBe('admin-panel');
		expect(sectionSlugOfId('loose')).toBe('');
		expect(manualUrl('admin-panel/currencies')).toBe('/manuals/admin-panel/currencies');
	});

	it('sorts by section rank before order', () => {
		const sorted = [
			entry('support/a', 'Support', 1),
			entry('admin-panel/b', 'Admin panel', 2),
			entry('admin-panel/a', 'Admin panel', 1),
			entry('getting-started/z', 'Getting started', 9),
		].sort(compareManuals);
		expect(sorted.map((e) => e.id)).toEqual([
			'getting-started/z',
			'admin-panel/a',
			'admin-panel/b',
			'support/a',
		]);
	});

	it('breaks order ties by title', () => {
		const sorted = [entry('x', 'Support', 1, 'Beta'), entry('y', 'Support', 1, 'Alpha')].sort(
			compareManuals,
		);
		expect(sorted.map((e) => e.data.title)).toEqual(['Alpha', 'Beta']);
	});

	it('groups entries by section and omits empty sections', () => {
		const groups = groupManualsBySection([
			entry('support/b', 'Support', 2),
			entry('api-key/a', 'API key', 1),
			entry('support/a', 'Support', 1),
		]);
		expect(groups.map((g) => g.section.slug)).toEqual(['api-key', 'support']);
		expect(groups[1]?.entries.map((e) => e.id)).toEqual(['support/a', 'support/b']);
	});
});

describe('manual frontmatter schema', () => {
	const valid = { title: 'T', description: 'D', section: 'Support', order: 1 };

	it('accepts a minimal page and coerces an ISO updated date', () => {
		const parsed = ManualFrontmatterSchema.parse({ ...valid, updated: '2026-11-20' });
		expect(parsed.updated?.toISOString()).toBe('2026-11-20T00:00:00.000Z');
	});

	it('rejects unknown sections, long descriptions, bad orders and stray keys', () => {
		expect(ManualFrontmatterSchema.safeParse({ ...valid, section: 'Misc' }).success).toBe(false);
		expect(
			ManualFrontmatterSchema.safeParse({ ...valid, description: 'x'.repeat(161) }).success,
		).toBe(false);
		expect(ManualFrontmatterSchema.safeParse({ ...valid, order: 1.5 }).success).toBe(false);
		expect(ManualFrontmatterSchema.safeParse({ ...valid, updatd: '2026-11-20' }).success).toBe(
			false,
		);
		expect(ManualFrontmatterSchema.safeParse({ ...valid, updated: 'soon' }).success).toBe(false);
	});
});
