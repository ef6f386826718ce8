import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { getDb } from '#server/app.ts';
import { suggestSimilar } from '#server/forum/similar.ts';
import { clientAddressOf } from '#server/http/client-address.ts';
import { errorResponse, json } from '#server/http/responses.ts';
import { consumeRateLimit } from '#server/rate-limit/rate-limit.ts';

const QuerySchema = z.object({ q: z.string().trim().max(1000).default('') });

/** GET ?q= → `{ results: [{ kind, title, url, snippet }] }`: public topics and manual pages like q. */
export const GET: APIRoute = async ({ url, request, clientAddress, locals }) => {
	try {
		const parsed = QuerySchema.safeParse({ q: url.searchParams.get('q') ?? undefined });
		const q = parsed.success ? parsed.data.q : '';
		if (q.length < 3) return json({ results: [] });
		const db = await getDb();
		const who = locals.user
			? `user:${locals.user.id}`
			: `ip:${clientAddressOf(request, clientAddress)}`;
		await consumeRateLimit(
			db,
			`forum:similar:${who}`,
			{ limit: 120, windowSeconds: 60 },
			'Too many lookups.',
		);
		return json({ results: await suggestSimilar(db, q) });
	} catch (error) {
		return errorResponse(error, 'forum similar');
	}
};
