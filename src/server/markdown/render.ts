/**
 * The one Markdown renderer for everything users or staff write: hints, forum posts, tickets.
 *
 * Raw HTML is off; link targets and image sources go through a strict allow-list
 * (`./markdown/urls.ts`); external links get `rel="nofollow ugc noopener"`; fenced code is
 * highlighted with `hljs-*` classes (styles in `src/styles/code.css`); headings get prefixed,
 * unique ids plus a "#" permalink; `@handle` mentions are linked when the caller can resolve them.
 *
 * Output is safe for `<Fragment set:html={renderMarkdown(body)} />`.
 */
import MarkdownIt, { type RendererRule, type Token } from 'markdown-it';
import { headingAnchorOf, type MarkdownHeading } from './headings.ts';
import { highlightCode, resolveLanguage } from './highlight.ts';
import { attachContext, contextOf, portalCoreRule, type RenderContext } from './transform.ts';
import { isSafeUrl, originOf } from './urls.ts';

export type { MarkdownHeading } from './headings.ts';

export interface RenderOptions {
	/** The portal's own origin (`https://support.example.com`); links elsewhere get `rel`. */
	siteOrigin?: string;
	/**
	 * Resolves `@handle` to a profile URL. Return `undefined` for unknown handles: they stay text.
	 * Without this option mentions are never linked.
	 */
	mentionUrl?: (handle: string) => string | undefined;
	/**
	 * Prefix for heading ids (default `md-`). User-written ids must not clash with the page's own
	 * ids or clobber DOM globals; pass a per-post prefix (`post-42-`) when several documents
	 * share a page.
	 */
	headingIdPrefix?: string;
	/**
	 * The highest heading level the document may use (default 2, since the page has its own
	 * `h1`). A document starting at `#` is shifted down; one starting at `##` is left alone.
	 */
	minHeadingLevel?: number;
	/** Render single newlines as `<br>` (default `true`: people type in textareas). */
	breaks?: boolean;
}

export interface RenderedMarkdown {
	html: string;
	/** Headings in document order, with the ids used in `html`. */
	headings: MarkdownHeading[];
	/** Unique `@handles` outside code and links, first spelling kept, in order. */
	mentions: string[];
}

/** Longer sources are cut here (the forum caps posts at 50,000 characters). */
export const MAX_MARKDOWN_LENGTH = 200_000;
// Deeper nesting stops being parsed; 20 still allows ~9 levels of lists in quotes.
const MAX_NESTING = 20;
const MAX_HIGHLIGHTED_BLOCK = 20_000;
const HIGHLIGHT_BUDGET = 60_000;
const DEFAULT_HEADING_ID_PREFIX = 'md-';
const DEFAULT_MIN_HEADING_LEVEL = 2;

// NOTE: one shared instance; everything per-render lives in `env` (see `RenderContext`).
const md = new MarkdownIt('default', {
	html: false,
	linkify: true,
	typographer: false,
	maxNesting: MAX_NESTING,
});
const { escapeHtml, unescapeAll } = md.utils;

// markdown-it cannot tell links from images here, so admit what either may use; the core rule
// applies the right policy to each link and image before anything is rendered.
md.validateLink = (url) => isSafeUrl(url, 'link') || isSafeUrl(url, 'image');
md.core.ruler.push('portal', portalCoreRule);

function tokenAt(tokens: Token[], idx: number): Token {
	const token = tokens[idx];
	if (!token) throw new Error(`No markdown token at ${idx}`);
	return token;
}

/** Renders the token with `attr` removed when it fails the URL policy (defence in depth). */
function guardedUrlRule(
	attr: 'href' | 'src',
	kind: 'link' | 'image',
	base: RendererRule,
): RendererRule {
	return (tokens, idx, options, env, self) => {
		const token = tokenAt(tokens, idx);
		const value = token.attrGet(attr);
		if (value !== null && !isSafeUrl(String(value), kind)) {
			token.attrs = token.attrs?.filter(([name]) => name !== attr) ?? null;
		}
		return base(tokens, idx, options, env, self);
	};
}

const rules = md.renderer.rules;
const renderImage = rules.image;
if (!renderImage) throw new Error('markdown-it has no image renderer');
rules.link_open = guardedUrlRule('href', 'link', (tokens, idx, options, _env, self) =>
	self.renderToken(tokens, idx, options),
);
rules.image = guardedUrlRule('src', 'image', renderImage);

rules.softbreak = (_tokens, _idx, _options, env) => (contextOf(env).breaks ? '<br>\n' : '\n');

rules.heading_close = (tokens, idx) => {
	const token = tokenAt(tokens, idx);
	const anchor = headingAnchorOf(token);
	const permalink = anchor
		? ` <a class="heading-anchor" href="#${escapeHtml(anchor.anchorId)}" aria-label="${escapeHtml(`Permalink: ${anchor.label}`)}">#</a>`
		: '';
	return `${permalink}</${token.tag}>\n`;
};

rules.fence = (tokens, idx, _options, env) => {
	const token = tokenAt(tokens, idx);
	const context = contextOf(env);
	const word = unescapeAll(token.info).trim().split(/\s+/, 1)[0] ?? '';
	const language = resolveLanguage(word);
	const code = token.content;
	// Highlighting is the slowest step; huge blocks are shown plain so a post cannot pin a CPU.
	const highlight =
		language !== undefined &&
		code.length <= MAX_HIGHLIGHTED_BLOCK &&
		code.length <= context.highlightBudget;
	if (highlight) context.highlightBudget -= code.length;
	const body = highlight ? highlightCode(code, language) : escapeHtml(code);
	const className = language ? `hljs language-${language}` : 'hljs';
	return `<pre class="code-block"><code class="${className}">${body}</code></pre>\n`;
};

function createContext(options: RenderOptions, sourceLength: number): RenderContext {
	return {
		siteOrigin: originOf(options.siteOrigin),
		mentionUrl: options.mentionUrl,
		headingIdPrefix: options.headingIdPrefix ?? DEFAULT_HEADING_ID_PREFIX,
		minHeadingLevel: Math.min(6, Math.max(1, options.minHeadingLevel ?? DEFAULT_MIN_HEADING_LEVEL)),
		breaks: options.breaks ?? true,
		// Enough for every URL written once even if percent-encoding and `&amp;` grow it 6x.
		urlBudget: sourceLength * 10 + 10_000,
		linkedMentions: 0,
		highlightBudget: HIGHLIGHT_BUDGET,
		headings: [],
		mentions: [],
		mentionKeys: new Set(),
	};
}

function parse(
	source: string,
	options: RenderOptions,
): { tokens: Token[]; context: RenderContext; env: ReturnType<typeof attachContext> } {
	const text =
		source.length > MAX_MARKDOWN_LENGTH ? `${source.slice(0, MAX_MARKDOWN_LENGTH)}\n\n…` : source;
	const context = createContext(options, text.length);
	const env = attachContext(context);
	return { tokens: md.parse(text, env), context, env };
}

/**
 * Renders user- or staff-written Markdown to inert HTML, with headings and mentions found.
 * Never throws on any input string; sources over `MAX_MARKDOWN_LENGTH` are truncated.
 */
export function renderMarkdownDocument(
	source: string,
	options: RenderOptions = {},
): RenderedMarkdown {
	const { tokens, context, env } = parse(source, options);
	const html = md.renderer.render(tokens, md.options, env);
	return { html, headings: context.headings, mentions: context.mentions };
}

/** Renders user- or staff-written Markdown to inert HTML (see `renderMarkdownDocument`). */
export function renderMarkdown(source: string, options: RenderOptions = {}): string {
	return renderMarkdownDocument(source, options).html;
}

/**
 * Headings of a document (for a table of contents) with the same ids `renderMarkdown` gives them
 * under the same `headingIdPrefix` and `minHeadingLevel`. Parses without rendering.
 */
export function renderMarkdownToc(
	source: string,
	options: Pick<RenderOptions, 'headingIdPrefix' | 'minHeadingLevel'> = {},
): MarkdownHeading[] {
	return parse(source, options).context.headings;
}

/**
 * Unique `@handles` mentioned in `source` (not in code, links or e-mail addresses), deduplicated
 * case-insensitively with the first spelling kept, in order of appearance.
 */
export function extractMentions(source: string): string[] {
	return parse(source, {}).context.mentions;
}
