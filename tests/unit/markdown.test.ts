import { describe, expect, it } from 'vitest';
import {
	MAX_MARKDOWN_LENGTH,
	renderMarkdown,
	renderMarkdownDocument,
	renderMarkdownToc,
} from '#server/markdown/render.ts';
import { elements, findHazards, textOf } from './markdown/inert.ts';

const SITE = 'https://support.example.com';

describe('renderMarkdown basics', () => {
	it('renders common Markdown', () => {
		const html = renderMarkdown(
			'Some *emphasis*, **bold** and ~~gone~~.\n\n- one\n- two\n\n> quoted',
		);
		expect(html).toContain('<em>emphasis</em>');
		expect(html).toContain('<strong>bold</strong>');
		expect(html).toContain('<s>gone</s>');
		expect(elements(html, 'li')).toHaveLength(2);
		expect(elements(html, 'blockquote')).toHaveLength(1);
	});

	it('shows raw HTML as text instead of markup', () => {
		const html = renderMarkdown('<b onclick="x()">bold?</b>\n\n<div>block</div>');
		expect(elements(html, 'b')).toHaveLength(0);
		expect(elements(html, 'div')).toHaveLength(0);
		expect(textOf(html)).toContain('<b onclick="x()">bold?</b>');
	});

	it('turns single newlines into line breaks by default', () => {
		expect(elements(renderMarkdown('line one\nline two'), 'br')).toHaveLength(1);
	});

	it('keeps single newlines soft when breaks is false', () => {
		expect(elements(renderMarkdown('line one\nline two', { breaks: false }), 'br')).toHaveLength(0);
	});

	it('renders table alignment as classes, not inline styles', () => {
		const html = renderMarkdown('| a | b |\n|:-:|--:|\n| 1 | 2 |');
		const cells = elements(html, 'td');
		expect(cells.map((cell) => cell.class)).toEqual(['md-align-center', 'md-align-right']);
		expect(html).not.toContain('style=');
	});

	it('truncates sources longer than MAX_MARKDOWN_LENGTH', () => {
		const html = renderMarkdown('a'.repeat(MAX_MARKDOWN_LENGTH + 5_000));
		expect(textOf(html).match(/a/g)?.length).toBe(MAX_MARKDOWN_LENGTH);
		expect(textOf(html)).toContain('…');
	});
});

describe('links', () => {
	it('marks external links nofollow ugc noopener without a target', () => {
		const [link] = elements(
			renderMarkdown('[docs](https://example.org/page)', { siteOrigin: SITE }),
			'a',
		);
		expect(link).toEqual({ href: 'https://example.org/page', rel: 'nofollow ugc noopener' });
	});

	it('treats protocol-relative links as external', () => {
		const [link] = elements(renderMarkdown('[x](//example.org/)', { siteOrigin: SITE }), 'a');
		expect(link?.rel).toBe('nofollow ugc noopener');
	});

	it('leaves links to the portal itself, relative links and fragments without rel', () => {
		const html = renderMarkdown(`[a](${SITE}/manuals/x) [b](/forum) [c](../up) [d](#top)`, {
			siteOrigin: SITE,
		});
		const links = elements(html, 'a');
		expect(links.map((link) => link.href)).toEqual([
			`${SITE}/manuals/x`,
			'/forum',
			'../up',
			'#top',
		]);
		expect(links.every((link) => link.rel === undefined)).toBe(true);
	});

	it('linkifies bare URLs and e-mail addresses', () => {
		const html = renderMarkdown('See https://example.org/a and write to help@example.com', {
			siteOrigin: SITE,
		});
		expect(elements(html, 'a')).toEqual([
			{ href: 'https://example.org/a', rel: 'nofollow ugc noopener' },
			{ href: 'mailto:help@example.com' },
		]);
	});

	it('keeps reference-style links working', () => {
		const html = renderMarkdown('Read [the manual][m].\n\n[m]: /manuals/intro "Intro"');
		expect(elements(html, 'a')).toEqual([{ href: '/manuals/intro', title: 'Intro' }]);
	});

	it('degrades a long reference URL repeated thousands of times to text', () => {
		const source = `[r]: /${'x'.repeat(10_000)}\n\n${'[r] '.repeat(5_000)}`;
		const html = renderMarkdown(source);
		const links = elements(html, 'a');
		expect(links.length).toBeGreaterThan(0);
		expect(links.length).toBeLessThan(100);
		expect(html.length).toBeLessThan(source.length * 12);
	});
});

describe('images', () => {
	it('lazy-loads images and hides the referrer from external hosts', () => {
		const html = renderMarkdown(`![chart](https://img.example.org/c.png) ![logo](/logo.png)`, {
			siteOrigin: SITE,
		});
		expect(elements(html, 'img')).toEqual([
			{
				src: 'https://img.example.org/c.png',
				alt: 'chart',
				loading: 'lazy',
				referrerpolicy: 'no-referrer',
			},
			{ src: '/logo.png', alt: 'logo', loading: 'lazy' },
		]);
	});

	it('allows base64 raster data images but not as links', () => {
		const data = 'data:image/png;base64,iVBORw0KGgo=';
		const html = renderMarkdown(`![dot](${data}) [click](${data})`);
		expect(elements(html, 'img')).toEqual([{ src: data, alt: 'dot', loading: 'lazy' }]);
		expect(elements(html, 'a')).toEqual([]);
	});

	it('shows the alt text of an image whose source is refused', () => {
		const html = renderMarkdown('![svg logo](data:image/svg+xml;base64,PHN2Zz4=)');
		expect(elements(html, 'img')).toEqual([]);
		expect(findHazards(html)).toEqual([]);
	});
});

describe('fenced code', () => {
	it('highlights known languages with hljs classes only', () => {
		const html = renderMarkdown('```ts\nfunction total(a: number): number { return a * 2; }\n```');
		expect(elements(html, 'code')[0]).toEqual({ class: 'hljs language-typescript' });
		const classes = elements(html, 'span').flatMap((span) => (span.class ?? '').split(' '));
		expect(classes).toContain('hljs-keyword');
		expect(classes.every((cls) => cls.startsWith('hljs-'))).toBe(true);
	});

	it.each([
		['nginx', 'location / { try_files $uri /index.php; }'],
		['ini', 'memory_limit = 512M'],
		['json', '{"currency": "CNY"}'],
		['bash', 'php -v && echo ok'],
		['sql', 'SELECT id FROM orders;'],
		['html', '<p class="x">hi</p>'],
		['yaml', 'key: value'],
		['php', '<?php echo 1;'],
		['python', 'def f(): pass'],
		['css', '.a { color: red }'],
		['js', 'const a = 1;'],
	])('highlights %s', (language, code) => {
		const html = renderMarkdown(`\`\`\`${language}\n${code}\n\`\`\``);
		expect(elements(html, 'span').length).toBeGreaterThan(0);
		expect(textOf(html)).toBe(`${code}\n`);
	});

	it('escapes code in unknown languages without highlighting', () => {
		const html = renderMarkdown('```brainfuck onload=x\n<script>alert(1)</script>\n```');
		expect(elements(html, 'code')).toEqual([{ class: 'hljs' }]);
		expect(elements(html, 'span')).toEqual([]);
		expect(textOf(html)).toBe('<script>alert(1)</script>\n');
	});

	it('shows very large blocks plain', () => {
		const code = 'const a = 1;\n'.repeat(2_000);
		const html = renderMarkdown(`\`\`\`js\n${code}\`\`\``);
		expect(elements(html, 'span')).toEqual([]);
		expect(textOf(html)).toBe(code);
	});
});

describe('headings', () => {
	it('gives headings prefixed ids and an accessible permalink', () => {
		const html = renderMarkdown('## Delivery by weight');
		expect(elements(html, 'h2')).toEqual([{ id: 'md-delivery-by-weight' }]);
		expect(elements(html, 'a')).toEqual([
			{
				class: 'heading-anchor',
				href: '#md-delivery-by-weight',
				'aria-label': 'Permalink: Delivery by weight',
			},
		]);
	});

	it('keeps Cyrillic in ids', () => {
		const html = renderMarkdown('## Настройка наценки');
		expect(elements(html, 'h2')[0]?.id).toBe('md-настройка-наценки');
	});

	it('makes repeated headings unique', () => {
		const toc = renderMarkdownToc('## Setup\n## Setup\n## Setup-2\n## Setup');
		expect(toc.map((heading) => heading.id)).toEqual([
			'md-setup',
			'md-setup-2',
			'md-setup-2-2',
			'md-setup-3',
		]);
	});

	it('uses the given id prefix', () => {
		const html = renderMarkdown('## Intro', { headingIdPrefix: 'post-7-' });
		expect(elements(html, 'h2')[0]?.id).toBe('post-7-intro');
	});

	it('shifts a document that starts at h1 below the page title', () => {
		const toc = renderMarkdownToc('# Top\n## Sub\n###### Deep');
		expect(toc.map((heading) => heading.level)).toEqual([2, 3, 6]);
	});

	it('leaves a document that starts at h2 alone', () => {
		const html = renderMarkdown('## A\n### B');
		expect(elements(html, 'h2')).toHaveLength(1);
		expect(elements(html, 'h3')).toHaveLength(1);
	});

	it('returns the same headings from render and toc', () => {
		const source = '# Install\nText\n## PHP `ini` settings\n## Cron **jobs**';
		const { headings } = renderMarkdownDocument(source);
		expect(renderMarkdownToc(source)).toEqual(headings);
		expect(headings.map((heading) => heading.text)).toEqual([
			'Install',
			'PHP ini settings',
			'Cron jobs',
		]);
	});

	it('gives empty headings no id', () => {
		const html = renderMarkdown('##\n\n## !!!');
		expect(elements(html, 'h2')).toEqual([{}, { id: 'md-section' }]);
	});
});
