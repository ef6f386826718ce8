import type { APIRoute } from 'astro';
import { getDb } from '#server/app.ts';
import { AppError, BadRequestError, NotFoundError } from '#server/errors.ts';
import { clientAddressOf } from '#server/http/client-address.ts';
import { errorResponse, json } from '#server/http/responses.ts';
import { ManualVoteSchema } from '#server/manuals/manual-votes.schema.ts';
import { recordManualVote } from '#server/manuals/manual-votes.service.ts';
import { voterFor } from '#server/manuals/voter-cookie.ts';
import { manualUrl } from '#lib/manual-sections.ts';
import { getManualCatalog } from '#web/manual-catalog.ts';

export const prerender = false;

async function readBody(request: Request): Promise<unknown> {
	const type = request.headers.get('content-type') ?? '';
	if (type.includes('application/json')) return request.json().catch(() => null);
	const form = await request.formData().catch(() => null);
	return form ? Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')) : null;
}

/**
 * `POST /api/manuals/vote` with `pageId` and `helpful=yes|no` (form or JSON). Scripts asking for
 * JSON get `{ ok: true }`; a plain form post is redirected back to the page's feedback block.
 */
export const POST: APIRoute = async ({
	request,
	locals,
	cookies,
	url,
	clientAddress,
	redirect,
}) => {
	const wantsJson =
		(request.headers.get('accept') ?? '').includes('application/json') ||
		(request.headers.get('content-type') ?? '').includes('application/json');
	const parsed = ManualVoteSchema.safeParse(await readBody(request));
	if (!parsed.success) {
		return wantsJson
			? errorResponse(new BadRequestError('Send pageId and helpful=yes|no.'))
			: redirect('/manuals', 303);
	}
	const back = `${manualUrl(parsed.data.pageId)}?voted=`;
	try {
		const catalog = await getManualCatalog();
		const voter = voterFor(locals.user?.id, cookies, url);
		const address = clientAddressOf(request, clientAddress);
		await recordManualVote(await getDb(), parsed.data, voter, address, catalog.ids);
		return wantsJson ? json({ ok: true }) : redirect(`${back}1#feedback`, 303);
	} catch (error) {
		if (wantsJson) return errorResponse(error, 'manual vote');
		if (error instanceof NotFoundError) return redirect('/manuals', 303);
		if (!(error instanceof AppError)) console.error('[manual vote] unexpected error:', error);
		return redirect(`${back}0#feedback`, 303);
	}
};
