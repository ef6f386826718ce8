/**
 * A plain-text teaser for hint lists: the first paragraph of prose with Markdown markup removed,
 * cut at a word boundary. Output is text (escape it like any other text).
 */
export function hintExcerpt(markdown: string, max = 220): string {
	const withoutCode = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
	const paragraph =
		withoutCode
			.split(/\n\s*\n/)
			.map((p) => p.trim())
			.find((p) => p.length > 0 && !/^(#{1,6}\s|\||<)/.test(p)) ?? '';
	const text = paragraph
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^\s{0,3}(?:>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
		.replace(/(\*\*|__|\*|_|`|~~)/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}
