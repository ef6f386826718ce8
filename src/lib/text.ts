/**
 * The portal's one set of escapers and its one excerpt: pure, for the server and the browser.
 * NOTE: every pattern here is a single character class or a fixed string (no nested
 * quantifiers), so each runs in time linear in its input, whatever the input.
 */

const HTML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

/** Text for HTML element content and (quoted) attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const XML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;',
};

// Characters XML 1.0 does not allow at all, even escaped.
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text for XML element content and attribute values (feeds, sitemaps), dropping what XML forbids. */
export function escapeXml(text: string): string {
	return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

/** Text matched literally inside a SQL LIKE/ILIKE pattern (the default `\` escape). */
export function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** Text that Markdown must not read as inline syntax (names in quotes). */
export function escapeMarkdownInline(text: string): string {
	return text.replace(/[\\`*_{}[\]()#+\-.!<>|~@]/g, (ch) => `\\${ch}`);
}

/**
 * `text` on one line, at most `max` characters: cut at a word boundary (unless that would lose
 * more than half), trailing punctuation dropped, with an ellipsis when cut.
 */
export function excerpt(text: string, max: number): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, Math.max(0, max - 1));
	const space = cut.lastIndexOf(' ');
	const kept = space >= max * 0.5 ? cut.slice(0, space) : cut;
	return `${kept.replace(/[\s,.;:]+$/, '')}…`;
}
