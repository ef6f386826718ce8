import { userAction } from '#web/actions.ts';
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
import { getManualCatalog } from '#web/manual-catalog.ts';

async function hintContext(): Promise<HintContext> {
	return { knownManualIds: (await getManualCatalog()).ids };
}

// Staff-only: the services check the role (customers and developers get FORBIDDEN).
export const hints = {
	create: userAction(CreateHintSchema, async (db, user, input) => {
		const hint = await createHint(db, user, input, await hintContext());
		return { id: hint.id, slug: hint.slug };
	}),

	update: userAction(UpdateHintSchema, async (db, user, input) => {
		const hint = await updateHint(db, user, input, await hintContext());
		return { id: hint.id, slug: hint.slug, version: hint.version };
	}),

	restore: userAction(RestoreHintSchema, async (db, user, input) => {
		const hint = await restoreHintRevision(db, user, input);
		return { id: hint.id, version: hint.version, revision: input.revision };
	}),
};
