import type { APIRoute } from 'astro';
import { config } from '#server/config.ts';
import { now } from '#server/clock.ts';
import { getDb } from '#server/app.ts';
import { buildHintsFeed } from '#server/hints/hints-feed.ts';
import { listFeedHints } from '#server/hints/hints-public.ts';
import { renderHintMarkdown } from '#server/hints/hints.service.ts';

export const prerender = false;

/** `GET /hints/feed.xml`: Atom feed of the newest public hints. */
export const GET: APIRoute = async ({ url }) => {
	const db = await getDb();
	const hints = await listFeedHints(db);
	const xml = buildHintsFeed({
		origin: config().siteUrl ?? url.origin,
		generatedAt: now(),
		entries: hints.flatMap((hint) =>
			hint.publishedAt
				? [
						{
							id: hint.id,
							slug: hint.slug,
							title: hint.title,
							html: renderHintMarkdown(hint.body).html,
							tags: hint.tags,
							authorName: hint.authorName,
							publishedAt: hint.publishedAt,
							updatedAt: hint.updatedAt,
						},
					]
				: [],
		),
	});
	return new Response(xml, {
		headers: {
			'content-type': 'application/atom+xml; charset=utf-8',
			'cache-control': 'public, max-age=300',
		},
	});
};
