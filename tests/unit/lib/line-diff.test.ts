import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactDiff, diffLines, type DiffLine } from '#lib/line-diff.ts';

const side = (lines: DiffLine[], keep: 'add' | 'del') =>
	lines
		.filter((l) => l.op === 'same' || l.op === keep)
		.map((l) => l.text)
		.join('\n');

describe('diffLines', () => {
	it('marks changed lines and keeps the rest', () => {
		expect(diffLines('a\nb\nc', 'a\nB\nc\nd')).toEqual([
			{ op: 'same', text: 'a' },
			{ op: 'del', text: 'b' },
			{ op: 'add', text: 'B' },
			{ op: 'same', text: 'c' },
			{ op: 'add', text: 'd' },
		]);
	});

	it('rebuilds both texts from its output', () => {
		const text = fc
			.array(fc.constantFrom('a', 'b', 'c', ''), { maxLength: 12 })
			.map((l) => l.join('\n'));
		fc.assert(
			fc.property(text, text, (before, after) => {
				const lines = diffLines(before, after)!;
				expect(side(lines, 'del')).toBe(before);
				expect(side(lines, 'add')).toBe(after);
			}),
		);
	});

	it('gives up on huge inputs', () => {
		const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join('\n');
		const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join('\n');
		expect(diffLines(a, b)).toBeUndefined();
	});
});

describe('compactDiff', () => {
	it('keeps context around changes and folds the rest', () => {
		const before = Array.from({ length: 10 }, (_, i) => `l${i}`).join('\n');
		const after = before.replace('l5', 'L5');
		const rows = compactDiff(diffLines(before, after)!, 1);
		expect(rows.map((r) => `${r.op}:${r.text}`)).toEqual([
			'gap:4 unchanged lines',
			'same:l4',
			'del:l5',
			'add:L5',
			'same:l6',
			'gap:3 unchanged lines',
		]);
	});

	it('is empty when nothing changed', () => {
		expect(compactDiff(diffLines('a\nb', 'a\nb')!)).toEqual([]);
	});
});
