/**
 * Heading anchors: stable, unique `id`s, level adjustment, and the table of contents.
 */
import type { Token } from 'markdown-it';

export interface MarkdownHeading {
	/** The element `id` (already prefixed), usable as a URL fragment. */
	id: string;
	/** Plain text of the heading, Markdown stripped. */
	text: string;
	/** Rendered level, 1–6 (after `minHeadingLevel` adjustment). */
	level: number;
}

export interface HeadingSettings {
	idPrefix: string;
	minLevel: number;
}

/** What the `heading_close` renderer needs to draw the permalink. */
export interface HeadingAnchorMeta {
	anchorId: string;
	label: string;
}

/** Headings past this many per document get no id or permalink (and are not in the TOC). */
export const MAX_ANCHORED_HEADINGS = 200;
const MAX_SLUG_CHARS = 64;
const MAX_TEXT_CHARS = 200;
const FALLBACK_SLUG = 'section';

/**
 * URL-fragment slug: lower case, letters (any script, so Cyrillic stays Cyrillic), digits and `_`
 * kept, runs of anything else collapsed to one `-`, at most 64 characters.
 */
export function slugify(text: string): string {
	const words = text
		.normalize('NFKC')
		.toLowerCase()
		.split(/[^\p{L}\p{N}\p{M}_]+/u)
		.filter((word) => word.length > 0);
	const slug = Array.from(words.join('-')).slice(0, MAX_SLUG_CHARS).join('');
	return slug.replace(/-+$/, '') || FALLBACK_SLUG;
}

/** Plain text of inline tokens (what a reader sees, minus markup). */
export function inlineText(tokens: readonly Token[] | null): string {
	if (!tokens) return '';
	let text = '';
	for (const token of tokens) {
		if (token.type === 'text' || token.type === 'code_inline' || token.type === 'text_special') {
			text += token.content;
		} else if (token.type === 'softbreak' || token.type === 'hardbreak') {
			text += ' ';
		} else if (token.type === 'image') {
			text += inlineText(token.children);
		}
	}
	return text;
}

function truncate(text: string, max: number): string {
	const chars = Array.from(text);
	return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Hands out `base`, `base-2`, `base-3`… without rescanning from 2 each time. */
function createIdAllocator(): (base: string) => string {
	const used = new Set<string>();
	const next = new Map<string, number>();
	return (base) => {
		let id = base;
		let n = next.get(base) ?? 2;
		while (used.has(id)) id = `${base}-${n++}`;
		next.set(base, n);
		used.add(id);
		return id;
	};
}

/**
 * Gives every non-empty heading an `id` and an anchor label, and shifts levels so the document's
 * top heading is at least `minLevel` (`# A` / `## B` become `h2` / `h3` under `minLevel: 2`;
 * a document that already starts at `##` is left alone). Returns the headings in order.
 */
export function assignHeadings(tokens: Token[], settings: HeadingSettings): MarkdownHeading[] {
	let topLevel = 6;
	for (const token of tokens) {
		if (token.type === 'heading_open') topLevel = Math.min(topLevel, Number(token.tag.slice(1)));
	}
	const shift = Math.max(0, settings.minLevel - topLevel);
	const allocate = createIdAllocator();
	const headings: MarkdownHeading[] = [];
	let open: Token | undefined;
	let text = '';
	for (const token of tokens) {
		if (token.type === 'heading_open') {
			open = token;
			text = '';
		} else if (token.type === 'inline' && open) {
			text = inlineText(token.children).trim();
		} else if (token.type === 'heading_close' && open) {
			const level = Math.min(6, Number(open.tag.slice(1)) + shift);
			open.tag = token.tag = `h${level}`;
			if (text && headings.length < MAX_ANCHORED_HEADINGS) {
				const id = allocate(settings.idPrefix + slugify(text));
				const label = truncate(text, MAX_TEXT_CHARS);
				open.attrSet('id', id);
				const meta: HeadingAnchorMeta = { anchorId: id, label };
				token.meta = { ...meta };
				headings.push({ id, text: label, level });
			}
			open = undefined;
		}
	}
	return headings;
}

/** Anchor metadata stored on a `heading_close` token by `assignHeadings`, if any. */
export function headingAnchorOf(token: Token): HeadingAnchorMeta | undefined {
	const meta = token.meta;
	if (!meta || typeof meta.anchorId !== 'string' || typeof meta.label !== 'string')
		return undefined;
	return { anchorId: meta.anchorId, label: meta.label };
}
