import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeLike, escapeMarkdownInline, escapeXml, excerpt } from '#lib/text.ts';

describe('escapers', () => {
	it('escape HTML and XML text and attributes', () => {
		expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
			'&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
		);
		expect(escapeXml(`<b a="1">'&'</b>`)).toBe(
			'&lt;b a=&quot;1&quot;&gt;&apos;&amp;&apos;&lt;/b&gt;',
		);
	});

	it('drop characters XML forbids', () => {
		expect(escapeXml('a\u0000b\u0008c\u000bd\ufffee\tf\ng')).toBe('abcde\tf\ng');
	});

	it('escape LIKE wildcards and Markdown syntax', () => {
		expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
		expect(escapeMarkdownInline('[x](javascript:y) @bob')).toBe('\\[x\\]\\(javascript:y\\) \\@bob');
	});
});

describe('excerpt', () => {
	it('cuts at a word boundary with an ellipsis, within the limit', () => {
		expect(excerpt('one two three four', 12)).toBe('one two…');
		expect(excerpt('one two three four five', 16)).toBe('one two three…');
		expect(excerpt('short', 12)).toBe('short');
		const long = excerpt('word '.repeat(100), 50);
		expect(long.length).toBeLessThanOrEqual(50);
		expect(long).toMatch(/word…$/);
	});

	it('puts the text on one line and drops punctuation before the ellipsis', () => {
		expect(excerpt('first,\n\nsecond, third fourth', 16)).toBe('first, second…');
	});
});

describe('the text modules', () => {
	// NOTE: a quantified group inside another quantifier (`(a+)+`, `(?:[^\]]*\]\()*`) can take
	// exponential or quadratic time on hostile input; the text helpers must have none.
	it.each(['src/lib/text.ts', 'src/server/markdown/text.ts'])(
		'%s has no nested quantifier',
		(file) => {
			const source = fs.readFileSync(path.resolve(import.meta.dirname, '../../..', file), 'utf8');
			const literals = source.match(/\/(?:\\.|\[(?:\\.|[^\]])*\]|[^/\n\\[])+\/[gimsuy]*/g) ?? [];
			expect(literals.length).toBeGreaterThan(0);
			for (const literal of literals)
				expect(literal, literal).not.toMatch(/\((?:[^()\\]|\\.)*[*+}](?:[^()\\]|\\.)*\)[*+{]/);
		},
	);
});
