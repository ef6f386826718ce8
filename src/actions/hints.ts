import { defineAction } from './define-action.ts';
import { getDb } from '#server/app.ts';
import { requireUser } from '#server/auth/guards.ts';
import {
	CreateHintSchema,
	RestoreHintSchema,
	UpdateHintSchema,
} from '#server/hints/hints.schema.ts';
import {
	createHint,
	restoreHintRevision,
	updateHint,
	type HintContext,
} from '#server/hints/hints.service.ts';
import { getManualCatalog } from '#components/manuals/manual-catalog.ts';
import { asAction } from './as-action.ts';

async function hintContext(): Promise<HintContext> {
	return { knownManualIds: (await getManualCatalog()).ids };
}

// Staff-only: the services check the role (customers and developers get FORBIDDEN).
export const hints = {
	create: defineAction({
		accept: 'form',
		input: CreateHintSchema,
		handler: (input, { locals }) =>
			asAction(async () => {
				const hint = await createHint(
					await getDb(),
					requireUser(locals),
					input,
					await hintContext(),
				);
				return { id: hint.id, slug: hint.slug };
			}),
	}),

	update: defineAction({
		accept: 'form',
		input: UpdateHintSchema,
		handler: (input, { locals }) =>
			asAction(async () => {
				const hint = await updateHint(
					await getDb(),
					requireUser(locals),
					input,
					await hintContext(),
				);
				return { id: hint.id, slug: hint.slug, version: hint.version };
			}),
	}),

	restore: defineAction({
		accept: 'form',
		input: RestoreHintSchema,
		handler: (input, { locals }) =>
			asAction(async () => {
				const hint = await restoreHintRevision(await getDb(), requireUser(locals), input);
				return { id: hint.id, version: hint.version, revision: input.revision };
			}),
	}),
};
