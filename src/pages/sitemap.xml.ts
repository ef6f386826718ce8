import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { manualUrl } from '#lib/manual-sections.ts';
import { config } from '#server/config.ts';
import { getDb } from '#server/app.ts';
import { flattenTree, listCategoryTree } from '#server/forum/categories.service.ts';
import { categoryPath } from '#server/forum/urls.ts';
import { listFeedHints } from '#server/hints/hints-public.ts';
import { buildSitemap, type SitemapEntry } from '#server/seo/sitemap.ts';

export const prerender = false;

/** `GET /sitemap.xml`: the public pages: home, support, manuals, published hints, forum categories. */
export const GET: APIRoute = async ({ url }) => {
	const db = await getDb();
	const [manuals, hints, categories] = await Promise.all([
		getCollection('manuals'),
		listFeedHints(db, 10_000),
		listCategoryTree(db, null),
	]);
	const entries: SitemapEntry[] = [
		{ path: '/' },
		{ path: '/support' },
		{ path: '/manuals' },
		...manuals.map((m) => ({ path: manualUrl(m.id) })),
		{ path: '/hints' },
		...hints.map((h) => ({ path: `/hints/${h.slug}`, lastModified: h.updatedAt })),
		{ path: '/forum' },
		...flattenTree(categories).map(({ category }) => ({ path: categoryPath(category.slug) })),
	];
	return new Response(buildSitemap(config().siteUrl ?? url.origin, entries), {
		headers: {
			'content-type': 'application/xml; charset=utf-8',
			'cache-control': 'public, max-age=3600',
		},
	});
};
