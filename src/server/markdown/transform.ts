/**
 * The portal's core rule: runs after markdown-it has tokenized a document and rewrites the token
 * stream so that only safe, decorated links and images remain.
 */
import type { StateCore, Token } from 'markdown-it';
import { assignHeadings, inlineText, type MarkdownHeading } from './headings.ts';
import { collectUnique, findMentions } from './mentions.ts';
import { isExternalUrl, isSafeUrl } from './urls.ts';

/** Per-render settings and results, carried through markdown-it's `env`. */
export interface RenderContext {
	/** Origin of the portal itself; links elsewhere are external. */
	siteOrigin: string | undefined;
	mentionUrl: ((handle: string) => string | undefined) | undefined;
	headingIdPrefix: string;
	minHeadingLevel: number;
	breaks: boolean;
	/**
	 * Characters of link/image URLs and titles still allowed in the output. Reference links let a
	 * short source repeat one long URL thousands of times (`[r][r][r]…`); past the budget links
	 * degrade to text so output stays linear in input size.
	 */
	urlBudget: number;
	linkedMentions: number;
	/** Characters of fenced code still allowed to go through the highlighter. */
	highlightBudget: number;
	headings: MarkdownHeading[];
	mentions: string[];
	mentionKeys: Set<string>;
}

const CONTEXT = Symbol('portal-markdown-context');
const EXTERNAL_REL = 'nofollow ugc noopener';
/**
 * Per document: at most this many mentions are linked (later ones stay text) and at most this
 * many unique handles are collected.
 */
export const MAX_MENTIONS = 100;
const ALIGN_RE = /^text-align:(left|right|center)$/;

export function attachContext(context: RenderContext): Record<symbol, RenderContext> {
	return { [CONTEXT]: context };
}

export function contextOf(env: Record<string | symbol, unknown> | undefined): RenderContext {
	const context = env?.[CONTEXT];
	if (!context) throw new Error('Markdown rendered without a portal render context');
	return context as RenderContext;
}

function attrText(token: Token, name: string): string {
	const value = token.attrGet(name);
	return value === null ? '' : String(value);
}

function textToken(Ctor: StateCore['Token'], content: string, level: number): Token {
	const token = new Ctor('text', '', 0);
	token.content = content;
	token.level = level;
	return token;
}

function mentionTokens(source: Token, context: RenderContext, Ctor: StateCore['Token']): Token[] {
	const matches = findMentions(source.content);
	if (matches.length === 0) return [source];
	collectUnique(
		context.mentions,
		context.mentionKeys,
		matches.map((match) => match.handle),
		MAX_MENTIONS,
	);
	const { mentionUrl } = context;
	if (!mentionUrl) return [source];
	const out: Token[] = [];
	let last = 0;
	for (const match of matches) {
		if (context.linkedMentions >= MAX_MENTIONS) break;
		const href = mentionUrl(match.handle);
		if (href === undefined || href.length > context.urlBudget || !isSafeUrl(href, 'link')) {
			continue;
		}
		context.urlBudget -= href.length;
		context.linkedMentions++;
		const text = source.content;
		if (match.index > last) out.push(textToken(Ctor, text.slice(last, match.index), source.level));
		const open = new Ctor('link_open', 'a', 1);
		open.attrs = [
			['href', href],
			['class', 'mention'],
		];
		out.push(
			open,
			textToken(Ctor, `@${match.handle}`, source.level + 1),
			new Ctor('link_close', 'a', -1),
		);
		last = match.index + match.length;
	}
	if (last === 0) return [source];
	if (last < source.content.length) {
		out.push(textToken(Ctor, source.content.slice(last), source.level));
	}
	return out;
}

function acceptLink(token: Token, context: RenderContext): boolean {
	const href = attrText(token, 'href');
	const cost = href.length + attrText(token, 'title').length;
	// Budget first: it is O(1), the URL check parses the URL.
	if (cost > context.urlBudget || !isSafeUrl(href, 'link')) return false;
	context.urlBudget -= cost;
	if (isExternalUrl(href, context.siteOrigin)) token.attrSet('rel', EXTERNAL_REL);
	return true;
}

function acceptImage(token: Token, context: RenderContext): boolean {
	const src = attrText(token, 'src');
	const cost = src.length + attrText(token, 'title').length;
	if (cost > context.urlBudget || !isSafeUrl(src, 'image')) return false;
	context.urlBudget -= cost;
	token.attrSet('loading', 'lazy');
	// Do not tell third-party image hosts which forum topic or ticket is being read.
	if (isExternalUrl(src, context.siteOrigin)) token.attrSet('referrerpolicy', 'no-referrer');
	return true;
}

function transformInline(
	children: Token[],
	context: RenderContext,
	Ctor: StateCore['Token'],
): Token[] {
	const out: Token[] = [];
	const kept: boolean[] = [];
	for (const token of children) {
		if (token.type === 'link_open') {
			const keep = acceptLink(token, context);
			kept.push(keep);
			if (keep) out.push(token);
		} else if (token.type === 'link_close') {
			if (kept.pop()) out.push(token);
		} else if (token.type === 'image') {
			out.push(
				acceptImage(token, context)
					? token
					: textToken(Ctor, inlineText(token.children), token.level),
			);
		} else if (token.type === 'text' && kept.length === 0) {
			// NOTE: no spread; a long paragraph of mentions would overflow the argument limit.
			for (const part of mentionTokens(token, context, Ctor)) out.push(part);
		} else {
			out.push(token);
		}
	}
	return out;
}

/** Table alignment as a class: inline `style` attributes would need a CSP exception. */
function alignmentToClass(token: Token): void {
	const match = ALIGN_RE.exec(attrText(token, 'style'));
	token.attrs = token.attrs?.filter(([name]) => name !== 'style') ?? null;
	if (match) token.attrJoin('class', `md-align-${match[1]}`);
}

/** markdown-it core rule; register after `text_join`. */
export function portalCoreRule(state: StateCore): void {
	const context = contextOf(state.env);
	context.headings = assignHeadings(state.tokens, {
		idPrefix: context.headingIdPrefix,
		minLevel: context.minHeadingLevel,
	});
	for (const token of state.tokens) {
		if (token.type === 'inline' && token.children) {
			token.children = transformInline(token.children, context, state.Token);
		} else if (token.type === 'th_open' || token.type === 'td_open') {
			alignmentToClass(token);
		}
	}
}
