import { describe, expect, it } from 'vitest';
import { escapeXml } from '#lib/text.ts';
import { buildHintsFeed, type FeedEntry } from '#server/hints/hints-feed.ts';

/**
 * A small well-formedness check (Node has no XML parser): every `&` starts a predefined entity,
 * no `<` or `>` stray in text or attributes, and elements nest and close properly.
 */
function assertWellFormedXml(xml: string): void {
	const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
	expect(body.replace(/&(?:amp|lt|gt|quot|apos|#\d+);/g, '')).not.toContain('&');
	const stack: string[] = [];
	const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<>]*")*)\s*(\/?)>/g;
	let last = 0;
	for (const match of body.matchAll(tag)) {
		expect(body.slice(last, match.index), 'text between tags').not.toMatch(/[<>]/);
		last = match.index + match[0].length;
		const [, closing, name = '', , selfClosing] = match;
		if (selfClosing) continue;
		if (closing) expect(stack.pop(), `closing </${name}>`).toBe(name);
		else stack.push(name);
	}
	expect(body.slice(last).trim()).toBe('');
	expect(stack).toEqual([]);
}

const entry = (overrides: Partial<FeedEntry> = {}): FeedEntry => ({
	id: '2b7f2a1e-9f0e-4c2d-8a53-0b5b0c1d2e3f',
	slug: 'check-the-key',
	title: 'Check the key',
	html: '<p>Run <code>api:check</code></p>',
	tags: ['api-key'],
	authorName: null,
	publishedAt: new Date('2026-10-01T07:00:00Z'),
	updatedAt: new Date('2026-10-02T07:00:00Z'),
	...overrides,
});

describe('escapeXml', () => {
	it('escapes markup characters and quotes', () => {
		expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
		);
	});

	it('drops control characters XML cannot carry, keeps tabs and newlines', () => {
		expect(escapeXml('a\u0000b\u0007c\td\ne\uffff')).toBe('ab' + 'c\td\ne');
	});
});

describe('buildHintsFeed', () => {
	it('is well-formed XML with absolute links and escaped content', () => {
		const hostile = entry({
			title: 'Tags <b> & "quotes" ]]>',
			html: '<p>5 &lt; 6 &amp; <a href="/manuals/api-key/connecting-the-key">link</a></p>',
			tags: ['a&b'],
			authorName: 'Sam <Staff>',
		});
		const xml = buildHintsFeed({
			origin: 'https://support.example.com/',
			entries: [hostile],
			generatedAt: new Date(),
		});
		assertWellFormedXml(xml);
		expect(
			xml.startsWith(
				'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"',
			),
		).toBe(true);
		expect(xml).toContain(
			'<title type="text">Tags &lt;b&gt; &amp; &quot;quotes&quot; ]]&gt;</title>',
		);
		expect(xml).toContain(
			'<link rel="alternate" type="text/html" href="https://support.example.com/hints/check-the-key" />',
		);
		expect(xml).toContain(
			'<link rel="self" type="application/atom+xml" href="https://support.example.com/hints/feed.xml" />',
		);
		expect(xml).toContain('<category term="a&amp;b" />');
		expect(xml).toContain('<name>Sam &lt;Staff&gt;</name>');
		expect(xml).toContain(
			'&lt;p&gt;5 &amp;lt; 6 &amp;amp; &lt;a href=&quot;/manuals/api-key/connecting-the-key&quot;&gt;',
		);
		expect(xml).toContain('xml:base="https://support.example.com/hints/check-the-key"');
	});

	it('dates the feed by its newest entry, or now when empty', () => {
		const now = new Date('2026-11-26T10:00:00Z');
		const two = buildHintsFeed({
			origin: 'https://x.example',
			entries: [entry(), entry({ id: 'b', updatedAt: new Date('2026-11-01T00:00:00Z') })],
			generatedAt: now,
		});
		assertWellFormedXml(two);
		expect(two).toContain('\t<updated>2026-11-01T00:00:00.000Z</updated>\n\t<author>');
		const empty = buildHintsFeed({ origin: 'https://x.example', entries: [], generatedAt: now });
		expect(empty).toContain('<updated>2026-11-26T10:00:00.000Z</updated>');
		expect(empty).not.toContain('<entry>');
		assertWellFormedXml(empty);
	});

	it('fails the well-formedness check on broken XML (the check itself works)', () => {
		expect(() => assertWellFormedXml('<feed><title>a & b</title></feed>')).toThrow();
		expect(() => assertWellFormedXml('<feed><title>a</feed></title>')).toThrow();
		expect(() => assertWellFormedXml('<feed><title>a < b</title></feed>')).toThrow();
	});
});
