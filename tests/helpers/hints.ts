import type { Db } from '#server/db/schema.ts';
import type { SessionUser } from '#server/auth/sessions.ts';
import { CreateHintSchema, UpdateHintSchema } from '#server/hints/hints.schema.ts';
import { createHint, type Hint, type HintContext } from '#server/hints/hints.service.ts';

let counter = 0;

/** Manual ids the hint services accept as related pages in tests. */
export const TEST_MANUAL_IDS: ReadonlySet<string> = new Set([
	'api-key/connecting-the-key',
	'admin-panel/currencies',
	'troubleshooting/site-not-loading',
]);
export const TEST_HINT_CONTEXT: HintContext = { knownManualIds: TEST_MANUAL_IDS };

/** Form-like input for a new hint with a unique title; override any field as the form would send it. */
export function hintForm(overrides: Record<string, unknown> = {}) {
	counter += 1;
	const tag = `${Date.now().toString(36)}${counter}`;
	return CreateHintSchema.parse({
		title: `Hint ${tag} about caching`,
		body: `Clear the cache after changing prices (${tag}).`,
		tags: 'cache, performance',
		state: 'draft',
		...overrides,
	});
}

export async function makeHint(
	db: Db,
	staff: SessionUser,
	overrides: Record<string, unknown> = {},
): Promise<Hint> {
	return createHint(db, staff, hintForm(overrides), TEST_HINT_CONTEXT);
}

/** The edit form for `hint` as the editor would submit it, with `changes` applied. */
export function editForm(hint: Hint, changes: Record<string, unknown> = {}) {
	return UpdateHintSchema.parse({
		id: hint.id,
		version: String(hint.version),
		title: hint.title,
		slug: hint.slug,
		body: hint.body,
		tags: hint.tags.join(', '),
		relatedManuals: hint.relatedManuals,
		state: hint.state,
		publishedAt: hint.publishedAt?.toISOString(),
		...changes,
	});
}
