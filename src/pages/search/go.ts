import type { APIRoute } from 'astro';
import { safeNext } from '#lib/urls.ts';
import { getDb } from '#server/app.ts';
import { recordSearchClick } from '#server/search/search-events.ts';
import { visitorFrom } from '#server/search/visitor.ts';

export const prerender = false;

/**
 * GET /search/go?to=<same-site path>&q=<query>: counts that a suggested article was opened
 * (for the deflection figure), then redirects there. Works without JavaScript. Targets other
 * than same-site paths go to the home page (no open redirect).
 */
export const GET: APIRoute = async ({ url, cookies, redirect }) => {
	const to = safeNext(url.searchParams.get('to'));
	const visitor = visitorFrom(cookies, url, false);
	if (visitor && to !== '/') {
		try {
			await recordSearchClick(await getDb(), {
				visitor,
				url: to,
				query: url.searchParams.get('q') ?? undefined,
			});
		} catch (error) {
			// NOTE: analytics must never stand between a person and the article.
			console.warn('[search] could not record a click:', (error as Error).message);
		}
	}
	return redirect(to, 303);
};
