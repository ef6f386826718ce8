import { describe, expect, it } from 'vitest';
import { renderMarkdownToc } from '#server/markdown/render.ts';
import { MAX_ANCHORED_HEADINGS, slugify } from '#server/markdown/headings.ts';

describe('slugify', () => {
	it.each([
		['Delivery by weight', 'delivery-by-weight'],
		['  PHP 8.3: memory_limit & max_execution_time!  ', 'php-8-3-memory_limit-max_execution_time'],
		['Курс юаня (CNY)', 'курс-юаня-cny'],
		['Ёлки', 'ёлки'],
		['Ｆｕｌｌｗｉｄｔｈ', 'fullwidth'],
		['???', 'section'],
		['', 'section'],
	])('%j -> %j', (text, slug) => {
		expect(slugify(text)).toBe(slug);
	});

	it('caps slugs at 64 characters without a trailing dash', () => {
		const slug = slugify(`${'word '.repeat(40)}`);
		expect(Array.from(slug).length).toBeLessThanOrEqual(64);
		expect(slug.endsWith('-')).toBe(false);
	});

	it('does not split astral characters when capping', () => {
		const slug = slugify('𠀀'.repeat(100));
		expect(Array.from(slug)).toHaveLength(64);
		expect(slug).toBe('𠀀'.repeat(64));
	});
});

describe('heading limits', () => {
	it(`anchors at most ${MAX_ANCHORED_HEADINGS} headings per document`, () => {
		const toc = renderMarkdownToc('## Same\n'.repeat(MAX_ANCHORED_HEADINGS + 20));
		expect(toc).toHaveLength(MAX_ANCHORED_HEADINGS);
		expect(new Set(toc.map((heading) => heading.id)).size).toBe(MAX_ANCHORED_HEADINGS);
	});
});
