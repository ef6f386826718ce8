import MarkdownIt from 'markdown-it';

/**
 * Text helpers shared by both engines: Markdown to plain text for indexing, and turning
 * engine highlights into safe HTML. Engines mark matches with two private-use characters
 * (never present in indexed text: `plainText` removes them), so everything else can be
 * escaped before the marks become `<mark>` tags.
 */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';
const MARKS = /[\uE000\uE001]/g;

const HTML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Safe HTML from text whose matches are wrapped in MARK_OPEN/MARK_CLOSE. */
export function markedTextToHtml(marked: string): string {
	return escapeHtml(marked).replaceAll(MARK_OPEN, '<mark>').replaceAll(MARK_CLOSE, '</mark>');
}

/** Plain text of a snippet made by `markedTextToHtml` (for JSON and `title` attributes). */
export function snippetToText(html: string): string {
	return html
		.replace(/<\/?mark>/g, '')
		.replace(
			/&(amp|lt|gt|quot|#39);/g,
			(_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '',
		);
}

const md = new MarkdownIt({ html: false, linkify: false });

/**
 * The readable text of Markdown source: words of paragraphs, headings, list items, table
 * cells, link texts and code, with blocks separated by newlines. No markup survives.
 */
export function plainText(markdown: string): string {
	const out: string[] = [];
	for (const token of md.parse(markdown.replace(MARKS, ''), {})) {
		if (token.type === 'inline') {
			for (const child of token.children ?? []) {
				if (child.type === 'text' || child.type === 'code_inline') out.push(child.content);
				else if (child.type === 'softbreak' || child.type === 'hardbreak') out.push(' ');
				else if (child.type === 'image') out.push(child.content);
			}
		} else if (token.type === 'fence' || token.type === 'code_block') {
			out.push(token.content.trim(), '\n');
		} else if (token.type.endsWith('_close') || token.type === 'hr') {
			out.push(token.type === 'th_close' || token.type === 'td_close' ? ' ' : '\n');
		}
	}
	return out
		.join('')
		.replace(/[ \t]+/g, ' ')
		.replace(/\s*\n\s*/g, '\n')
		.trim();
}

/** The first `max` characters of `text`, cut at a word boundary, with an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${(space >= max * 0.5 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
