import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	extractMentions,
	renderMarkdown,
	renderMarkdownDocument,
} from '#server/markdown/render.ts';
import { findHazards, textOf } from './inert.ts';

const OPTIONS = {
	siteOrigin: 'https://support.example.com',
	mentionUrl: (handle: string) => (handle.length % 2 === 0 ? `/users/${handle}` : undefined),
};

// Pieces of Markdown syntax, HTML and URL obfuscation that attacks are made of.
const HOSTILE_PIECES = [
	...'<>"\'&[]()!*_`~#-:/\\@|=.;?% \n\t',
	'javascript',
	'JaVaScRiPt',
	'vbscript',
	'data',
	'file',
	'alert(1)',
	'<script>',
	'</script>',
	'script',
	' onerror=',
	'onload=',
	'<img src=x ',
	'<svg ',
	'<a href=',
	'http://',
	'https://',
	'//',
	'mailto:',
	'&#x09;',
	'&#9;',
	'&colon;',
	'&#106;',
	'&Tab;',
	'%6A',
	'%09',
	'\u0000',
	'\u0001',
	'\u200b',
	'\u202e',
	'\ufeff',
	'@anna',
	'@bo',
	'www.',
	'.com',
	'example',
	'```',
	'```js\n',
	'# ',
	'> ',
	'- ',
	'1. ',
	'[r]: ',
	'[r]',
	'](',
	'![',
	'data:image/png;base64,AAAA',
	'data:image/svg+xml;base64,AA',
	'data:text/html,',
	'| a |',
	'|---|',
];

const hostileText = fc
	.array(fc.constantFrom(...HOSTILE_PIECES), { maxLength: 120 })
	.map((pieces) => pieces.join(''));

const SCHEMES = [
	'javascript',
	'vbscript',
	'data',
	'file',
	'livescript',
	'http',
	'https',
	'mailto',
	'ftp',
	'',
];
const OBFUSCATIONS: ReadonlyArray<(scheme: string) => string> = [
	(s) => s,
	(s) => s.toUpperCase(),
	(s) => s.replace(/[aeiou]/g, (c) => c.toUpperCase()),
	(s) => `${s.slice(0, 4)}&#x09;${s.slice(4)}`,
	(s) => `${s.slice(0, 4)}&Tab;${s.slice(4)}`,
	(s) => `${s.slice(0, 4)}%09${s.slice(4)}`,
	(s) => `${s.slice(0, 2)}\u200b${s.slice(2)}`,
	(s) => `\u0001${s}`,
	(s) => ` ${s}`,
	(s) => [...s].map((c) => `&#${c.charCodeAt(0)};`).join(''),
	(s) => [...s].map((c) => `%${c.charCodeAt(0).toString(16)}`).join(''),
];
const SEPARATORS = [':', '&colon;', '&#58;', '%3A', ':\\'];
const PAYLOADS = [
	'alert(1)',
	'//example.com/%0Aalert(1)',
	'text/html,<script>alert(1)</script>',
	'image/png;base64,AAAA',
	'/etc/passwd',
];
type LinkParts = { scheme: string; separator: string; payload: string; label: string };
const LINK_FORMS: ReadonlyArray<(p: LinkParts, url: string) => string> = [
	(p, url) => `[${p.label}](${url})`,
	(p, url) => `[${p.label}](<${url}>)`,
	(p, url) => `[${p.label}](${url} "t")`,
	(p, url) => `[${p.label}][r]\n\n[r]: ${url}`,
	(p, url) => `[${p.label}]\n\n[${p.label}]: ${url}`,
	(_p, url) => `<${url}>`,
	(p, url) => `![${p.label}](${url})`,
	(p, url) => `![${p.label}][r]\n\n[r]: <${url}>`,
	(_p, url) => `see ${url} now`,
	(p, url) => `[![${p.label}](${url})](${url})`,
];

const hostileLink = fc
	.record({
		scheme: fc.constantFrom(...SCHEMES),
		obfuscate: fc.constantFrom(...OBFUSCATIONS),
		separator: fc.constantFrom(...SEPARATORS),
		payload: fc.constantFrom(...PAYLOADS),
		label: fc.string({ maxLength: 12 }),
		form: fc.constantFrom(...LINK_FORMS),
	})
	.map((p) => p.form(p, `${p.obfuscate(p.scheme)}${p.separator}${p.payload}`));

// Markdown trees: emphasis, links and images nested in each other with random targets.
const { node: nestedMarkdown } = fc.letrec<{ node: string }>((tie) => ({
	node: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		hostileText,
		hostileLink,
		tie('node').map((inner) => `*${inner}*`),
		tie('node').map((inner) => `**${inner}**`),
		tie('node').map((inner) => `_${inner}_`),
		tie('node').map((inner) => `[${inner}]`),
		fc.tuple(tie('node'), hostileLink).map(([inner, link]) => `[${inner}](${link})`),
		tie('node').map((inner) => `![${inner}](/a.png)`),
		tie('node').map((inner) => `> ${inner}`),
		tie('node').map((inner) => `- ${inner}`),
		tie('node').map((inner) => `\`${inner}\``),
		fc.tuple(tie('node'), tie('node')).map(([a, b]) => `${a}\n${b}`),
	),
}));

function expectInert(source: string): void {
	expect(findHazards(renderMarkdown(source, OPTIONS))).toEqual([]);
}

describe('rendering random hostile input', () => {
	it('is inert for text built from attack pieces', () => {
		fc.assert(fc.property(hostileText, expectInert), { numRuns: 400 });
	});

	it('is inert for links with random schemes, obfuscation and Markdown forms', () => {
		fc.assert(fc.property(hostileLink, expectInert), { numRuns: 400 });
	});

	it('is inert for nested emphasis, brackets, links and images', () => {
		fc.assert(fc.property(nestedMarkdown, expectInert), { numRuns: 300 });
	});

	it('is inert for arbitrary Unicode', () => {
		fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), expectInert), {
			numRuns: 300,
		});
	});

	it('finds only mentions that readers see', () => {
		fc.assert(
			fc.property(hostileText, (source) => {
				const text = textOf(renderMarkdown(source));
				for (const handle of extractMentions(source)) expect(text).toContain(`@${handle}`);
			}),
			{ numRuns: 200 },
		);
	});
});

// Units that stress one parser path each; repeated to the forum's 50,000-character cap.
const PATHOLOGICAL_UNITS = [
	'[',
	']',
	'(',
	')',
	'[a](',
	'![',
	'](',
	'<',
	'>',
	'`',
	'``',
	'*',
	'_',
	'**',
	'~~',
	'\\',
	'&',
	'"',
	'> ',
	'>',
	'- ',
	'1. ',
	'# ',
	'|',
	'|-',
	'\n',
	' ',
	'@a ',
	'http://a.b ',
	'a@b.co ',
	'www.a.b ',
	'[r]',
	'[r]: /x\n',
	'&#x6A;',
	'<a',
	'a://',
	':',
	'x',
];
const pathological = fc
	.array(fc.constantFrom(...PATHOLOGICAL_UNITS), { minLength: 1, maxLength: 6 })
	.map((units) => {
		const unit = units.join('');
		return unit.repeat(Math.ceil(50_000 / unit.length)).slice(0, 50_000);
	});

describe('rendering 50,000 characters of pathological input', () => {
	it('returns inert output linear in the input size', () => {
		fc.assert(
			fc.property(pathological, (source) => {
				const { html, headings, mentions } = renderMarkdownDocument(source, OPTIONS);
				// NOTE: `>` alone becomes `<blockquote>\n</blockquote>\n` (26x) up to the nesting cap, the
				// worst ratio markdown-it has; anything super-linear would blow far past this.
				expect(html.length).toBeLessThanOrEqual(source.length * 30 + 50_000);
				expect(headings.length).toBeLessThanOrEqual(200);
				expect(mentions.length).toBeLessThanOrEqual(100);
				expect(findHazards(html)).toEqual([]);
			}),
			{ numRuns: 12 },
		);
	});
});
