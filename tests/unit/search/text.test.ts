import { describe, expect, it } from 'vitest';
import {
	excerpt,
	MARK_CLOSE,
	MARK_OPEN,
	markedTextToHtml,
	plainText,
	snippetToText,
} from '#server/search/text.ts';

describe('snippets', () => {
	it('escapes everything but the marks', () => {
		const html = markedTextToHtml(`<img src=x onerror="a()"> & ${MARK_OPEN}key${MARK_CLOSE}`);
		expect(html).toBe('&lt;img src=x onerror=&quot;a()&quot;&gt; &amp; <mark>key</mark>');
		expect(snippetToText(html)).toBe('<img src=x onerror="a()"> & key');
	});
});

describe('plainText', () => {
	it('keeps the words of Markdown and drops its markup', () => {
		const text = plainText(
			'## Title\n\nSome **bold** [link](https://x.test) and `code`.\n\n| a | b |\n|---|---|\n| c | d |\n\n```js\nlet x = 1;\n```',
		);
		expect(text).toContain('Title');
		expect(text).toContain('Some bold link and code.');
		expect(text).toContain('let x = 1;');
		expect(text).not.toMatch(/[*#|`]|https/);
	});

	it('removes the private-use mark characters from indexed text', () => {
		expect(plainText(`a${MARK_OPEN}b${MARK_CLOSE}c`)).toBe('abc');
	});
});

it('excerpt cuts at a word boundary', () => {
	expect(excerpt('one two three four', 12)).toBe('one two…');
	expect(excerpt('short', 12)).toBe('short');
});
