import { toPublishDateInput } from '#server/hints/hints.schema.ts';
import type { Hint } from '#server/hints/hints.service.ts';
import type { HintState } from '#server/db/schema.ts';

/** What the hint editor's fields show, as strings (and the related pages as a list). */
export interface HintFormValues {
	title: string;
	slug: string;
	body: string;
	tags: string;
	relatedManuals: string[];
	state: HintState;
	publishedAt: string;
	/** The revision the editor started from (edit form only). */
	version?: string;
}

export const EMPTY_HINT_FORM: HintFormValues = {
	title: '',
	slug: '',
	body: '',
	tags: '',
	relatedManuals: [],
	state: 'draft',
	publishedAt: '',
};

export function valuesFromHint(hint: Hint): HintFormValues {
	return {
		title: hint.title,
		slug: hint.slug,
		body: hint.body,
		tags: hint.tags.join(', '),
		relatedManuals: hint.relatedManuals,
		state: hint.state,
		publishedAt: toPublishDateInput(hint.publishedAt),
		version: String(hint.version),
	};
}

const STATES: readonly string[] = ['draft', 'published', 'archived'];

/** The fields as submitted (after a validation error or a no-JS preview), so nothing typed is lost. */
export async function valuesFromRequest(
	request: Request,
	fallback: HintFormValues,
): Promise<HintFormValues> {
	if (request.method !== 'POST') return fallback;
	const form = await request
		.clone()
		.formData()
		.catch(() => undefined);
	if (!form) return fallback;
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	const state = text('state');
	return {
		title: text('title'),
		slug: text('slug'),
		body: text('body'),
		tags: text('tags'),
		relatedManuals: form.getAll('relatedManuals').filter((v): v is string => typeof v === 'string'),
		state: (STATES.includes(state) ? state : fallback.state) as HintState,
		publishedAt: text('publishedAt'),
		// NOTE: keep the revision the editor started from, so a conflicting save stays refused.
		version: text('version') || fallback.version,
	};
}
