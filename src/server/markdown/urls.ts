/**
 * URL policy for rendered Markdown: which link targets and image sources may reach the page, and
 * which links leave the site.
 */

export type UrlKind = 'link' | 'image';

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);
// NOTE: SVG is excluded on purpose: an SVG document can carry script.
const DATA_IMAGE_RE = /^data:image\/(?:png|gif|jpeg|webp);base64,[a-z0-9+/=%]*$/i;
// A placeholder origin to resolve relative URLs against; `.invalid` can never be a real host.
const RELATIVE_BASE = 'https://relative.invalid/';
const RELATIVE_ORIGIN = 'https://relative.invalid';
// Characters a browser drops or a human cannot see: controls, spaces, soft hyphen, zero-width
// and bidi marks, BOM.
const INVISIBLE_RE =
	/[\u0000-\u0020\u007f-\u00a0\u00ad\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/g;
const SCHEME_RE = /^([a-z][a-z0-9+.-]*):/;

/**
 * The scheme a URL would have after every obfuscation layer we know of is peeled off:
 * percent-encoding (up to three rounds), invisible characters anywhere, letter case.
 * Stricter than a browser, which is the point: `java%09script:` is a harmless relative URL to a
 * browser, but nobody writes that by accident.
 */
function sniffScheme(url: string): string | undefined {
	let text = url;
	for (let round = 0; round < 3; round++) {
		const decoded = text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
			String.fromCharCode(Number.parseInt(hex, 16)),
		);
		if (decoded === text) break;
		text = decoded;
	}
	return SCHEME_RE.exec(text.replace(INVISIBLE_RE, '').toLowerCase())?.[1];
}

/**
 * Whether `url` may be used as a link `href` (`kind: 'link'`) or an image `src`
 * (`kind: 'image'`). Allowed: relative URLs, fragments, `http:`, `https:`, `mailto:` (links only)
 * and base64 `data:image/(png|gif|jpeg|webp)` (images only). Everything else is refused,
 * including `javascript:`, `vbscript:`, `file:` and other `data:` URLs in any spelling.
 */
export function isSafeUrl(url: string, kind: UrlKind): boolean {
	const sniffed = sniffScheme(url);
	const parsed = URL.parse(url, RELATIVE_BASE);
	if (!parsed) return false;
	if (sniffed === 'data' || parsed.protocol === 'data:') {
		return kind === 'image' && DATA_IMAGE_RE.test(url.trim());
	}
	const allowed = kind === 'image' ? IMAGE_PROTOCOLS : LINK_PROTOCOLS;
	if (sniffed !== undefined && !allowed.has(`${sniffed}:`)) return false;
	return allowed.has(parsed.protocol);
}

/** Origin of `siteOrigin` (any URL on the site will do), or `undefined` when it does not parse. */
export function originOf(siteOrigin: string | undefined): string | undefined {
	if (siteOrigin === undefined) return undefined;
	return URL.parse(siteOrigin)?.origin;
}

/**
 * Whether `url` points to another web site: an absolute or protocol-relative `http(s)` URL whose
 * origin differs from `siteOrigin` (an origin as returned by `originOf`). Relative URLs,
 * fragments and `mailto:` are not external.
 */
export function isExternalUrl(url: string, siteOrigin: string | undefined): boolean {
	const parsed = URL.parse(url, RELATIVE_BASE);
	if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return false;
	return parsed.origin !== RELATIVE_ORIGIN && parsed.origin !== siteOrigin;
}
