import type { APIRoute } from 'astro';
import { config } from '#server/config.ts';
import { buildRobotsTxt } from '#server/seo/sitemap.ts';

export const prerender = false;

export const GET: APIRoute = ({ url }) =>
	new Response(buildRobotsTxt(config().siteUrl ?? url.origin), {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'cache-control': 'public, max-age=3600',
		},
	});
