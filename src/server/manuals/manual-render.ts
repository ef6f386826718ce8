import { renderMarkdownDocument, type RenderedMarkdown } from '#server/markdown/render.ts';

/**
 * Ids the manual page layout uses itself; heading anchors in a manual must not take them.
 * (Manual headings get unprefixed ids so anchors read well: `/manuals/x#rounding`.)
 */
export const RESERVED_PAGE_IDS: ReadonlySet<string> = new Set([
	'main',
	'site-search',
	'feedback',
	'feedback-title',
	'toc-title',
]);

/** A manual page's Markdown body, through the portal's one renderer. */
export function renderManualBody(body: string): RenderedMarkdown {
	return renderMarkdownDocument(body, { headingIdPrefix: '', breaks: false });
}
