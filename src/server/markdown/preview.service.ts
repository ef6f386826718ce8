/**
 * Live Markdown previews for any composer (forum posts, tickets, hints): the same renderer and
 * options as the published text, for logged-in users, rate limited.
 */
import { z } from 'astro/zod';
import type { SessionUser } from '#server/auth/sessions.ts';
import { config } from '#server/config.ts';
import type { Db } from '#server/db/schema.ts';
import { BadRequestError } from '#server/errors.ts';
import { consumeRateLimit } from '#server/rate-limit/rate-limit.ts';
import { renderMarkdown } from '#server/markdown/render.ts';

export const MAX_PREVIEW_LENGTH = 50_000;
export const PREVIEW_RATE_LIMIT = { limit: 120, windowSeconds: 60 };

export const PreviewRequestSchema = z.object({
	source: z.string({ error: 'Send the Markdown to preview as `source`.' }).max(MAX_PREVIEW_LENGTH, {
		error: `Previews are limited to ${MAX_PREVIEW_LENGTH.toLocaleString('en-GB')} characters.`,
	}),
});

/**
 * Renders `source` the way a post would look (mentions link to profiles; whether the handle
 * exists is checked when the post is saved).
 * @throws BadRequestError over 50,000 characters; TooManyRequestsError over 120 previews a minute.
 */
export async function previewMarkdown(
	db: Db,
	user: SessionUser,
	input: unknown,
): Promise<{ html: string }> {
	const parsed = PreviewRequestSchema.safeParse(input);
	if (!parsed.success) {
		const message = parsed.error.issues[0]?.message ?? 'Invalid preview request.';
		throw new BadRequestError(message, { source: message });
	}
	await consumeRateLimit(
		db,
		`markdown:preview:${user.id}`,
		PREVIEW_RATE_LIMIT,
		'Too many previews.',
	);
	const html = renderMarkdown(parsed.data.source, {
		siteOrigin: config().siteUrl,
		headingIdPrefix: 'preview-',
		mentionUrl: (handle) => `/u/${encodeURIComponent(handle.toLowerCase())}`,
	});
	return { html };
}
