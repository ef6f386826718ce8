/**
 * Hint URL slugs and tags: pure helpers shared by the server and the editor script.
 */

export const HINT_SLUG_MAX = 80;
export const HINT_SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const HINT_TAG_MAX = 30;
export const HINT_TAGS_MAX = 8;
export const HINT_TAG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** ASCII words of `text`: accents dropped (`é` → `e`), everything else a separator. */
function asciiWords(text: string): string[] {
	return text
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter((word) => word.length > 0);
}

/**
 * A URL slug from a title: lower-case ASCII letters and digits joined by single hyphens, cut at a
 * word boundary to at most 80 characters. `''` when the title has no ASCII letters or digits.
 */
export function slugifyTitle(title: string): string {
	let slug = '';
	for (const word of asciiWords(title)) {
		const next = slug ? `${slug}-${word}` : word;
		if (next.length > HINT_SLUG_MAX) {
			if (!slug) slug = word.slice(0, HINT_SLUG_MAX);
			break;
		}
		slug = next;
	}
	return slug;
}

/** Whether `slug` is a well-formed hint slug. */
export function isHintSlug(slug: string): boolean {
	return slug.length >= 3 && slug.length <= HINT_SLUG_MAX && HINT_SLUG_RE.test(slug);
}

/** One tag as typed ("API Key ", "#cron") normalised to its stored form ("api-key", "cron"). */
export function normalizeTag(tag: string): string {
	return asciiWords(tag).join('-').slice(0, HINT_TAG_MAX).replace(/-+$/, '');
}

/** Tags from a comma-separated list: normalised, empty ones dropped, duplicates removed, in order. */
export function parseTags(text: string): string[] {
	const tags: string[] = [];
	for (const part of text.split(',')) {
		const tag = normalizeTag(part);
		if (tag && !tags.includes(tag)) tags.push(tag);
	}
	return tags;
}
