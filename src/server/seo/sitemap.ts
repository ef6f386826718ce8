import { escapeXml } from '#lib/text.ts';

/** One `<url>` of a sitemap: a path on this site and when it last changed, if known. */
export interface SitemapEntry {
	path: string;
	lastModified?: Date;
}

/** A sitemaps.org XML document for `entries` on `origin` (duplicates dropped, order kept). */
export function buildSitemap(origin: string, entries: readonly SitemapEntry[]): string {
	const seen = new Set<string>();
	const urls = entries.flatMap((entry) => {
		const loc = new URL(entry.path, origin).href;
		if (seen.has(loc)) return [];
		seen.add(loc);
		const lastmod = entry.lastModified
			? `<lastmod>${entry.lastModified.toISOString().slice(0, 10)}</lastmod>`
			: '';
		return [`<url><loc>${escapeXml(loc)}</loc>${lastmod}</url>`];
	});
	return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** Paths search engines should not crawl: accounts, staff desk, forms, APIs. */
export const DISALLOWED_PATHS = [
	'/account',
	'/api/',
	'/login',
	'/signup',
	'/logout',
	'/notifications',
	'/staff',
	'/tickets',
	'/forum/new',
	'/search',
	'/_actions/',
];

export function buildRobotsTxt(origin: string): string {
	return [
		'User-agent: *',
		...DISALLOWED_PATHS.map((p) => `Disallow: ${p}`),
		'',
		`Sitemap: ${new URL('/sitemap.xml', origin).href}`,
		'',
	].join('\n');
}
