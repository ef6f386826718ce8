import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '#server/markdown/render.ts';
import { elements, findHazards, textOf } from './inert.ts';

const OPTIONS = {
	siteOrigin: 'https://support.example.com',
	mentionUrl: (handle: string) => `/users/${handle}`,
};

/** Attribute names inside tags, with quoted values removed so text in them cannot confuse us. */
function tagAttributeText(html: string): string[] {
	return (html.match(/<[a-z][^>]*>/gi) ?? []).map((tag) => tag.replace(/"[^"]*"/g, '""'));
}

function expectInert(source: string, html = renderMarkdown(source, OPTIONS)): void {
	expect(findHazards(html)).toEqual([]);
	expect(html).not.toMatch(/<script/i);
	expect(html).not.toMatch(/<(?:iframe|object|embed|svg|style|form|input|base|meta|link)\b/i);
	for (const tag of tagAttributeText(html)) expect(tag).not.toMatch(/\son\w+\s*=/i);
	for (const link of elements(html, 'a'))
		expect(link.href).not.toMatch(/^\s*(?:javascript|vbscript|data|file):/i);
	for (const image of elements(html, 'img'))
		expect(image.src).not.toMatch(/^\s*(?:javascript|vbscript|file):/i);
}

const RAW_HTML = [
	'<script>alert(1)</script>',
	'<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
	'<img src=x onerror=alert(1)>',
	'<svg onload=alert(1)>',
	'<iframe src="javascript:alert(1)"></iframe>',
	'<a href="javascript:alert(1)">click</a>',
	'<div onclick="alert(1)">block html</div>',
	'<style>body{display:none}</style>',
	'<!-- <script>alert(1)</script> -->',
	'<details open ontoggle=alert(1)>',
	'text <b onmouseover=alert(1)>inline</b> text',
	'<a href="x">[y](javascript:alert(1))</a>',
	'&lt;script&gt;alert(1)&lt;/script&gt;',
	'&#60;script&#62;alert(1)&#60;/script&#62;',
	'<form action=javascript:alert(1)><input type=submit>',
	'<base href="javascript:/">',
];

const INLINE_LINKS = [
	'[x](javascript:alert(1))',
	'[x](JAVASCRIPT:alert(1))',
	'[x](JaVaScRiPt:alert(1))',
	'[x]( javascript:alert(1) )',
	'[x](<javascript:alert(1)>)',
	'[x](javascript:alert(1) "title")',
	'[x](java&#x09;script:alert(1))',
	'[x](java&#9;script:alert(1))',
	'[x](java&Tab;script:alert(1))',
	'[x](&#106;avascript:alert(1))',
	'[x](&#x6A;&#x61;&#x76;&#x61;script:alert(1))',
	'[x](javascript&colon;alert(1))',
	'[x](javascript&#58;alert(1))',
	'[x](%6Aavascript:alert(1))',
	'[x](java%0Ascript:alert(1))',
	'[x](\u0001javascript:alert(1))',
	'[x](\u200Bjavascript:alert(1))',
	'[x](\u202Ejavascript:alert(1))',
	'[x](jav\tascript:alert(1))',
	'[x](vbscript:msgbox(1))',
	'[x](VBSCRIPT:msgbox(1))',
	'[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'[x](data:image/png;base64,iVBORw0KGgo=)',
	'[x](file:///etc/passwd)',
	'[x](/a "\\" onclick=\\"alert(1)")',
	'[x](/a \'x" onmouseover="alert(1)\')',
];

const REFERENCE_LINKS = [
	'[x][r]\n\n[r]: javascript:alert(1)',
	'[x]\n\n[x]: <javascript:alert(1)>',
	'[r]\n\n[r]: JavaScript:alert(1) "title"',
	'![x][r]\n\n[r]: javascript:alert(1)',
	'[x][r]\n\n[r]: java&#x09;script:alert(1)',
	'[x][r]\n\n[r]: data:text/html,<script>alert(1)</script>',
	'[x][r]\n\n[r]: data:image/png;base64,iVBORw0KGgo=',
	'[x][r]\n\n[r]: /ok "\\" onclick=\\"alert(1)"',
];

const AUTOLINKS = [
	'<javascript:alert(1)>',
	'<JAVASCRIPT:alert(1)>',
	'<vbscript:msgbox(1)>',
	'<data:text/html,<script>alert(1)</script>>',
	'<file:///etc/passwd>',
	'<http://x.example/"onmouseover="alert(1)>',
	'<mailto:a@b.c?subject="><script>>',
];

const LINKIFY = [
	'javascript:alert(1)',
	'visit javascript://example.com/%0Aalert(1)',
	'http://x.example/"onmouseover="alert(1)',
	'www.example.com/<script>alert(1)</script>',
	'ftp://example.com/file',
	'a@b.com"onclick="alert(1)',
	'http://example.com/?q=<img src=x onerror=alert(1)>',
];

const IMAGES = [
	'![x](javascript:alert(1))',
	'![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
	'![x](data:text/html,<script>alert(1)</script>)',
	'![x" onerror="alert(1)](/a.png)',
	'![x](/a.png "t\\" onerror=\\"alert(1)")',
	'![<img src=x onerror=alert(1)>](/a.png)',
	'[![img](javascript:alert(1))](javascript:alert(2))',
	'![x](vbscript:msgbox(1))',
];

const NESTED_AND_ODD = [
	'[[[[x](javascript:alert(1))]]]',
	'[x]([y](javascript:alert(1)))',
	'[a](b)[c](javascript:d)[e](f)',
	'[[x](javascript:alert(1))](javascript:alert(2))',
	'*[x](javascript:alert(1))*',
	'**[x](javascript:alert(1)**)',
	'`[x](javascript:alert(1))`',
	'# <script>alert(1)</script>',
	'# x" onclick="alert(1)',
	'```js" onclick="alert(1)\ncode\n```',
	'```<script>alert(1)</script>\ncode\n```',
	'```html\n<script>alert(1)</script>\n```',
	'| <script> | b |\n|---|---|\n| [x](javascript:1) | <img onerror=1> |',
	'> [x](javascript:alert(1))\n> - <script>',
	'@"><script>alert(1)</script>',
	'@a" onclick="x',
];

describe('hostile Markdown renders inert', () => {
	it.each(RAW_HTML)('raw HTML %j', (source) => expectInert(source));
	it.each(INLINE_LINKS)('inline link %j', (source) => expectInert(source));
	it.each(REFERENCE_LINKS)('reference link %j', (source) => expectInert(source));
	it.each(AUTOLINKS)('autolink %j', (source) => expectInert(source));
	it.each(LINKIFY)('bare text %j', (source) => expectInert(source));
	it.each(IMAGES)('image %j', (source) => expectInert(source));
	it.each(NESTED_AND_ODD)('construct %j', (source) => expectInert(source));

	it('keeps refused links readable as text', () => {
		const html = renderMarkdown('[click me](javascript:alert(1))');
		expect(elements(html, 'a')).toEqual([]);
		expect(textOf(html)).toContain('click me');
	});

	it('escapes a hostile heading id prefix', () => {
		const prefix = '"><script>x</script>';
		const html = renderMarkdown('## Title', { headingIdPrefix: prefix });
		expect(findHazards(html, prefix)).toEqual([]);
		expect(elements(html, 'h2')[0]?.id).toBe(`${prefix}title`);
	});

	it('escapes what mentionUrl returns', () => {
		const html = renderMarkdown('@anna', { mentionUrl: () => '/u/"><script>alert(1)</script>' });
		expectInert('', html);
		expect(elements(html, 'a')[0]?.href).toBe('/u/"><script>alert(1)</script>');
	});
});

describe('very long and deeply nested input renders inert', () => {
	const LONG = 50_000;
	it.each([
		['a long line', 'a'.repeat(LONG)],
		['a long URL', `https://example.com/${'a'.repeat(LONG)}`],
		['opening brackets', '['.repeat(LONG)],
		['nested brackets', `${'['.repeat(LONG / 2)}x${']'.repeat(LONG / 2)}(javascript:alert(1))`],
		['link openers', '[a]('.repeat(LONG / 4)],
		['image openers', '!['.repeat(LONG / 2)],
		['backticks', '`'.repeat(LONG)],
		['backtick runs', '`a``b```c'.repeat(LONG / 9)],
		['emphasis', '*_'.repeat(LONG / 2)],
		['blockquotes', '>'.repeat(LONG)],
		['nested lists', '- '.repeat(LONG / 2)],
		['list items', '1. a\n'.repeat(LONG / 5)],
		['angle brackets', '<a '.repeat(LONG / 3)],
		['entities', '&#x6A;'.repeat(LONG / 6)],
		['hostile words', '<script>javascript:alert(1)</script>'.repeat(LONG / 36)],
	])('%s', (_name, source) => {
		const html = renderMarkdown(source, OPTIONS);
		expectInert(source, html);
		expect(html.length).toBeLessThanOrEqual(source.length * 30 + 50_000);
	});
});

describe('the inertness check', () => {
	it.each([
		'<script>alert(1)</script>',
		'<p onclick="x()">a</p>',
		'<a href="javascript:alert(1)">a</a>',
		'<a href="jav&#x09;ascript:alert(1)">a</a>',
		'<a href=" JAVASCRIPT:alert(1)">a</a>',
		'<img src="data:image/svg+xml;base64,AAAA">',
		'<a href="/x" target="_blank">a</a>',
		'<p style="color:red">a</p>',
		'<h2 id="main">clobber</h2>',
		'<svg><a href="/x">a</a></svg>',
		'<span class="evil">a</span>',
		'<!-- hidden -->',
	])('flags %j', (html) => {
		expect(findHazards(html)).not.toEqual([]);
	});
});
