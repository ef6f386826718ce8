import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

// NOTE: the same parser as the renderer (markdown-it), not regular expressions: it is linear on
// hostile input (runs of `[`, `(`, `*`), where a `\[([^\]]*)\]\(` pattern was quadratic.
const md = new MarkdownIt({ html: false, linkify: false });

/** Blocks a teaser may start with: prose, not headings, code, tables or rules. */
const PROSE_BLOCKS = new Set([
	'paragraph_open',
	'bullet_list_open',
	'ordered_list_open',
	'blockquote_open',
]);

/**
 * The readable text of Markdown source: words of paragraphs, headings, list items, table cells,
 * link and image texts, and code, with blocks separated by newlines. No markup survives.
 * `firstProse`: only the first top-level paragraph, list or quote (a teaser for lists of hints).
 */
export function markdownToText(markdown: string, options: { firstProse?: boolean } = {}): string {
	let tokens = md.parse(markdown, {});
	if (options.firstProse) tokens = firstProseBlock(tokens);
	const out: string[] = [];
	for (const token of tokens) {
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

function firstProseBlock(tokens: Token[]): Token[] {
	const start = tokens.findIndex((t) => t.level === 0 && PROSE_BLOCKS.has(t.type));
	if (start === -1) return [];
	const close = tokens[start]!.type.replace(/_open$/, '_close');
	const end = tokens.findIndex((t, i) => i > start && t.level === 0 && t.type === close);
	return tokens.slice(start, end === -1 ? undefined : end + 1);
}
