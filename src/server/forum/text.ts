/** Plain text from post Markdown, for excerpts, snippets and the search index (not for HTML). */
export function plainText(markdown: string): string {
	return markdown
		.replace(/^```[^\n]*$/gm, ' ')
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^\s{0,3}(?:#{1,6}|>+|[-*+]|\d+[.)])\s+/gm, '')
		.replace(/[*_`~]+/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** At most `max` characters, cut at a word boundary with an ellipsis. */
export function excerpt(text: string, max = 200): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Escapes characters that Markdown would read as inline syntax (for names in quotes). */
export function escapeMarkdownInline(text: string): string {
	return text.replace(/[\\`*_{}[\]()#+\-.!<>|~@]/g, (ch) => `\\${ch}`);
}
