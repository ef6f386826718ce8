import { describe, expect, it } from 'vitest';
import { manualBreadcrumbs, neighboursOf } from '#lib/manual-nav.ts';

const pages = ['a/one', 'a/two', 'b/three'].map((id) => ({ id }));

describe('neighboursOf', () => {
	it('links across sections in sidebar order', () => {
		expect(neighboursOf(pages, 'a/two')).toEqual({
			prev: { id: 'a/one' },
			next: { id: 'b/three' },
		});
	});

	it('has no previous page at the start and no next at the end', () => {
		expect(neighboursOf(pages, 'a/one').prev).toBeUndefined();
		expect(neighboursOf(pages, 'b/three').next).toBeUndefined();
	});

	it('has neither for an unknown page', () => {
		expect(neighboursOf(pages, 'zzz')).toEqual({ prev: undefined, next: undefined });
	});
});

describe('manualBreadcrumbs', () => {
	it('goes Manuals › Section › Page with the page last and unlinked', () => {
		expect(
			manualBreadcrumbs({ title: 'API key', slug: 'api-key' }, { title: 'Connecting' }),
		).toEqual([
			{ label: 'Manuals', href: '/manuals' },
			{ label: 'API key', href: '/manuals#api-key' },
			{ label: 'Connecting' },
		]);
	});
});
