import type { APIRoute } from 'astro';
import { fileResponse, openFile } from '#server/files/serving.ts';
import { getDb } from '#server/app.ts';
import { NotFoundError } from '#server/errors.ts';

/**
 * GET/HEAD → the file (or `?size=thumbnail`) with the access rules of its message: 404 for
 * anyone who may not see it. The name in the path is for people; the id decides.
 */
const serve: APIRoute = async ({ params, request, locals, url, rewrite }) => {
	try {
		const opened = await openFile(await getDb(), locals.user, params.id ?? '', {
			variant: url.searchParams.get('size') === 'thumbnail' ? 'thumbnail' : 'original',
			ifNoneMatch: request.headers.get('if-none-match'),
			head: request.method === 'HEAD',
		});
		return fileResponse(opened);
	} catch (error) {
		if (error instanceof NotFoundError) return rewrite('/404');
		throw error;
	}
};

export const GET = serve;
export const HEAD = serve;
