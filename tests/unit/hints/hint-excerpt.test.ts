import { describe, expect, it } from 'vitest';
import { hintExcerpt } from '#server/hints/hint-excerpt.ts';

describe('hintExcerpt', () => {
	it('takes the first prose paragraph without markup', () => {
		const body =
			'## Heading\n\n```bash\nrm -rf /\n```\n\nRun **`api:check`** from [the shop](/manuals/x) folder.\n\nSecond.';
		expect(hintExcerpt(body)).toBe('Run api:check from the shop folder.');
	});

	it('strips list and quote markers', () => {
		expect(hintExcerpt('- one\n- two\n\n> later')).toBe('one two');
	});

	it('cuts at a word boundary with an ellipsis', () => {
		const text = hintExcerpt('word '.repeat(100), 50);
		expect(text.length).toBeLessThanOrEqual(50);
		expect(text).toMatch(/word…$/);
	});
});
