import { escapeHtml } from '#lib/text.ts';

/**
 * Highlight helpers shared by both engines: engines mark matches with two private-use characters
 * (never present in indexed text: `withoutMarks` removes them), so everything else can be escaped
 * before the marks become `<mark>` tags.
 */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';
const MARKS = /[\uE000\uE001]/g;

/** `text` without highlight marks (indexed text never holds them). */
export function withoutMarks(text: string): string {
	return text.replace(MARKS, '');
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
