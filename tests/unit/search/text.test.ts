import { describe, expect, it } from 'vitest';
import {
	MARK_CLOSE,
	MARK_OPEN,
	markedTextToHtml,
	snippetToText,
	withoutMarks,
} from '#server/search/text.ts';

describe('snippets', () => {
	it('escapes everything but the marks', () => {
		const html = markedTextToHtml(`<img src=x onerror="a()"> & ${MARK_OPEN}key${MARK_CLOSE}`);
		expect(html).toBe('&lt;img src=x onerror=&quot;a()&quot;&gt; &amp; <mark>key</mark>');
		expect(snippetToText(html)).toBe('<img src=x onerror="a()"> & key');
	});
});

it('removes the private-use mark characters from indexed text', () => {
	expect(withoutMarks(`a${MARK_OPEN}b${MARK_CLOSE}c`)).toBe('abc');
});
