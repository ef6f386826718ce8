import type { APIRoute } from 'astro';
import { getDb } from '#server/app.ts';
import { NotFoundError } from '#server/errors.ts';
import { locatePost } from '#server/forum/forum.service.ts';

/** A post's permalink: redirects to its topic page and anchor. */
export const GET: APIRoute = async ({ params, locals, redirect, rewrite }) => {
	try {
		return redirect(await locatePost(await getDb(), locals.user, params.post ?? ''), 302);
	} catch (error) {
		if (error instanceof NotFoundError) return rewrite('/404');
		throw error;
	}
};
