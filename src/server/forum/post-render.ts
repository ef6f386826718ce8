/**
 * Post bodies are rendered once when written and the HTML stored, so a topic page with 20 posts
 * renders no Markdown. Rows written by an older renderer (or loaded in bulk without HTML) are
 * rendered on read.
 */
import { config } from '#server/config.ts';
import { renderMarkdown } from '#server/markdown/render.ts';
import { profilePath } from './urls.ts';

/** Bump when the renderer or its options change, to re-render stored posts on read. */
export const RENDER_VERSION = 1;

/**
 * Renders a post. `knownHandles` (lowercase) limits mention links to existing users; without it
 * every handle-shaped mention links to a profile (which 404s when nobody has that handle).
 */
export function renderPostBody(
	body: string,
	postId: string,
	knownHandles?: ReadonlySet<string>,
): string {
	return renderMarkdown(body, {
		siteOrigin: config().siteUrl,
		headingIdPrefix: `p${postId.slice(0, 8)}-`,
		mentionUrl: (handle) => {
			const key = handle.toLowerCase();
			return !knownHandles || knownHandles.has(key) ? profilePath(key) : undefined;
		},
	});
}

/** The stored HTML when current, else a fresh rendering. */
export function postHtml(row: {
	id: string;
	body: string;
	body_html: string | null;
	render_version: number | null;
}): string {
	return row.body_html !== null && row.render_version === RENDER_VERSION
		? row.body_html
		: renderPostBody(row.body, row.id);
}
