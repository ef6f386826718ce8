import { describe, expect, it } from 'vitest';
import { markdownToText } from '#server/markdown/text.ts';

describe('markdownToText', () => {
	it('keeps the words of Markdown and drops its markup', () => {
		const text = markdownToText(
			'## Title\n\nSome **bold** [link](https://x.test) and `code`.\n\n| a | b |\n|---|---|\n| c | d |\n\n```js\nlet x = 1;\n```',
		);
		expect(text).toContain('Title');
		expect(text).toContain('Some bold link and code.');
		expect(text).toContain('let x = 1;');
		expect(text).not.toMatch(/[*#|`]|https/);
	});

	it('reads quotes, lists, images and code as text, one block a line', () => {
		expect(
			markdownToText(
				'# Title\n\n> quoted **bold** and [a link](https://x.test)\n\n- item `code`\n\n![alt text](/x.png)',
			),
		).toBe('Title\nquoted bold and a link\nitem code\nalt text');
	});

	it('gives the first prose block only, as a teaser', () => {
		const body =
			'## Heading\n\n```bash\nrm -rf /\n```\n\nRun **`api:check`** from [the shop](/manuals/x) folder.\n\nSecond.';
		expect(markdownToText(body, { firstProse: true })).toBe('Run api:check from the shop folder.');
		expect(markdownToText('- one\n- two\n\n> later', { firstProse: true })).toBe('one\ntwo');
		expect(markdownToText('## Only a heading', { firstProse: true })).toBe('');
	});

	// Issue 19: a `\[([^\]]*)\]\(` pattern took quadratic time on runs of brackets. The parser is
	// linear; these inputs must come back whole (as text), which a cut-off or a hang would not.
	it.each([
		['[', '['.repeat(50_000)],
		[']', ']'.repeat(50_000)],
		['(', '('.repeat(50_000)],
		['![', '!['.repeat(25_000)],
		['[](', '[]('.repeat(20_000)],
	])('returns a run of 50,000 characters of %s as text', (_name, input) => {
		expect(markdownToText(input)).toBe(input);
	});

	it('drops the emphasis markers of a long run of emphasis and keeps every word', () => {
		const input = '*a* '.repeat(20_000);
		const text = markdownToText(input);
		expect(text.match(/a/g)).toHaveLength(20_000);
		expect(text).not.toContain('*');
	});
});
