import { z } from 'astro/zod';
import { DateTime } from 'luxon';
import { HINT_STATES } from '#server/db/schema.ts';
import { HINT_SLUG_MAX, HINT_TAGS_MAX, isHintSlug, parseTags } from '#lib/hint-slug.ts';
import { portalZone } from '#server/support/portal-time.ts';

export const HINT_BODY_MAX = 50_000;
export const HINT_TITLE_MAX = 140;
export const HINT_RELATED_MAX = 10;

/**
 * `2026-11-26T10:30` (a `datetime-local` value, read in the portal's time zone, as everything staff see) or an ISO instant with an
 * offset. `undefined` when it does not parse.
 */
export function parsePublishDate(text: string): Date | undefined {
	const trimmed = text.trim();
	const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(trimmed);
	const parsed = local
		? DateTime.fromISO(trimmed, { zone: portalZone().zone })
		: DateTime.fromISO(trimmed, { setZone: true });
	if (!parsed.isValid) return undefined;
	if (!local && !/(?:Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)) return undefined;
	return parsed.toJSDate();
}

/** The `datetime-local` value showing `date` in the portal's time zone. */
export function toPublishDateInput(date: Date | null | undefined): string {
	if (!date) return '';
	return DateTime.fromJSDate(date, { zone: portalZone().zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

// NOTE: Astro hands an empty form field over as `null`, or `undefined` when the schema's outer
// type is optional; optional fields therefore end in `.optional()` (see formDataToObject).
export const HintFieldsSchema = z.object({
	title: z
		.string({ error: 'Enter a title.' })
		.trim()
		.min(3, { error: 'The title needs at least 3 characters.' })
		.max(HINT_TITLE_MAX, { error: `The title can have at most ${HINT_TITLE_MAX} characters.` }),
	slug: z
		.string()
		.trim()
		.toLowerCase()
		.refine(isHintSlug, {
			error: `Use 3–${HINT_SLUG_MAX} lower-case letters, digits and single hyphens.`,
		})
		.optional(),
	body: z
		.string({ error: 'Write the hint.' })
		.trim()
		.min(10, { error: 'The hint needs at least 10 characters.' })
		.max(HINT_BODY_MAX, { error: `The hint can have at most ${HINT_BODY_MAX} characters.` }),
	tags: z
		.string()
		.max(400, { error: 'Too many tags.' })
		.transform(parseTags)
		.pipe(z.array(z.string()).max(HINT_TAGS_MAX, { error: `Use at most ${HINT_TAGS_MAX} tags.` }))
		.optional(),
	relatedManuals: z
		.array(z.string().trim().max(200))
		.max(HINT_RELATED_MAX, { error: `Link at most ${HINT_RELATED_MAX} manual pages.` })
		.default([]),
	state: z.enum(HINT_STATES, { error: 'Choose draft, published or archived.' }).default('draft'),
	publishedAt: z
		.string()
		.transform((text, ctx) => {
			const date = parsePublishDate(text);
			if (!date) {
				ctx.issues.push({ code: 'custom', input: text, message: 'Enter a date and time.' });
				return z.NEVER;
			}
			return date;
		})
		.optional(),
});
export type HintFields = z.output<typeof HintFieldsSchema>;

export const CreateHintSchema = HintFieldsSchema;
export type CreateHint = z.output<typeof CreateHintSchema>;

const VersionField = z.coerce
	.number({ error: 'Reload the editor and try again.' })
	.int()
	.positive();

export const UpdateHintSchema = HintFieldsSchema.extend({
	id: z.uuid({ error: 'Unknown hint.' }),
	/** The revision the editor started from; a newer one means someone else saved meanwhile. */
	version: VersionField,
});
export type UpdateHint = z.output<typeof UpdateHintSchema>;

export const RestoreHintSchema = z.object({
	id: z.uuid({ error: 'Unknown hint.' }),
	revision: z.coerce.number().int().positive(),
	version: VersionField,
});
export type RestoreHint = z.output<typeof RestoreHintSchema>;

export const HintPreviewSchema = z.object({
	body: z.string().max(HINT_BODY_MAX + 1_000, { error: 'The text is too long to preview.' }),
});

export const STAFF_HINT_FILTERS = ['all', 'draft', 'scheduled', 'published', 'archived'] as const;
export type StaffHintFilter = (typeof STAFF_HINT_FILTERS)[number];

export const PublicHintQuerySchema = z.object({
	tag: z.string().trim().max(60).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type PublicHintQuery = z.output<typeof PublicHintQuerySchema>;
