import { excerpt } from '#lib/text.ts';
import { markdownToText } from '#server/markdown/text.ts';

/**
 * A plain-text teaser for hint lists: the first paragraph (or list, or quote) of prose, without
 * markup, cut at a word boundary. Output is text (escape it like any other text).
 */
export function hintExcerpt(markdown: string, max = 220): string {
	return excerpt(markdownToText(markdown, { firstProse: true }), max);
}
