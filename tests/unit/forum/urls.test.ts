import { describe, expect, it } from 'vitest';
import { buildCategoryTree, flattenTree } from '#server/forum/categories.service.ts';
import { categoryPath, slugify, topicIdFromParam, topicPath } from '#server/forum/urls.ts';

const ID = '0b3c1e2a-4d5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('forum urls', () => {
	it('puts a readable slug before the topic id and reads the id back', () => {
		const path = topicPath({ id: ID, title: 'How to change the “Buy” button?' });
		expect(path).toBe(`/forum/t/how-to-change-the-buy-button-${ID}`);
		expect(topicIdFromParam(path.slice('/forum/t/'.length))).toBe(ID);
		expect(topicIdFromParam(ID.toUpperCase())).toBe(ID);
		expect(topicPath({ id: ID, title: 'Как поменять кнопку' }, 3)).toBe(`/forum/t/${ID}?page=3`);
	});

	it('finds no id in anything else', () => {
		for (const param of [undefined, '', 'hello', `${ID}x`, `${ID.slice(0, 35)}`, "1' or 1=1"]) {
			expect(topicIdFromParam(param)).toBeUndefined();
		}
	});

	it('keeps slugs short and clean', () => {
		expect(slugify('  --Hello,   World!!-- ')).toBe('hello-world');
		expect(slugify('a'.repeat(100)).length).toBe(60);
		expect(categoryPath('general', 2)).toBe('/forum/c/general?page=2');
	});
});

describe('category tree', () => {
	it('orders roots and children by position and flattens with depth', () => {
		const base = { description: '', staffOnlyTopics: false };
		const tree = buildCategoryTree(
			[
				{ ...base, id: 'c', slug: 'c', name: 'C', position: 2, parentId: null },
				{ ...base, id: 'a', slug: 'a', name: 'A', position: 1, parentId: null },
				{ ...base, id: 'a2', slug: 'a2', name: 'A2', position: 2, parentId: 'a' },
				{ ...base, id: 'a1', slug: 'a1', name: 'A1', position: 1, parentId: 'a' },
			],
			new Map([['a1', 4]]),
		);
		expect(
			flattenTree(tree).map(
				({ category, depth }) => `${depth}:${category.slug}:${category.topicCount}`,
			),
		).toEqual(['0:a:0', '1:a1:4', '1:a2:0', '0:c:0']);
	});
});
