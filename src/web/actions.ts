/**
 * How every form action is defined: `defineAction` refuses text the database cannot store,
 * `asAction` translates what a service throws (one mapping: toPortalError), and `userAction`
 * makes a signed-in action one line: `reply: userAction(ReplySchema, replyToTopic)`.
 */
import {
	ActionError,
	defineAction as defineAstroAction,
	type ActionAPIContext,
} from 'astro:actions';
import type { z } from 'astro/zod';
import { getDb } from '#server/app.ts';
import { requireUser } from '#server/auth/guards.ts';
import { refuseUnstorableText } from '#server/db/storable-text.ts';
import type { Db } from '#server/db/schema.ts';
import { toPortalError } from '#server/http/portal-error.ts';
import { noteRetryAfter } from '#server/http/retry-after.ts';
import type { User } from '#server/users/users.repo.ts';

type ActionCode = ConstructorParameters<typeof ActionError>[0]['code'];

/**
 * Astro's `defineAction` with one check added to every input schema: text the database cannot
 * store (NUL) is a field error (400) before the handler runs, so it never counts against a rate
 * limit. Every action is defined through this (or `userAction`).
 */
export const defineAction = ((action: Parameters<typeof defineAstroAction>[0]) =>
	defineAstroAction({
		...action,
		// NOTE: Astro types inputs as zod's core type; every schema here is a classic one (astro/zod).
		input: action.input && refuseUnstorableText(action.input as z.ZodType),
	})) as typeof defineAstroAction;

/**
 * A form action for a signed-in person: `run(db, user, input)` with the server's database and
 * `requireUser` done (401 for visitors); thrown errors are translated by `asAction`.
 */
export function userAction<Schema extends z.ZodType, Output>(
	input: Schema,
	run: (db: Db, user: User, input: z.output<Schema>, context: ActionAPIContext) => Promise<Output>,
) {
	const handler = (data: z.output<Schema>, context: ActionAPIContext) =>
		asAction(async () => {
			const user = requireUser(context.locals);
			return run(await getDb(), user, data, context);
		});
	// NOTE: Astro types the handler with a conditional type TypeScript cannot resolve for a
	// generic schema; the handler above is what it resolves to.
	type Handler = Parameters<typeof defineAction<Output, 'form', Schema>>[0]['handler'];
	return defineAction<Output, 'form', Schema>({
		accept: 'form',
		input,
		handler: handler as Handler,
	});
}

/**
 * An error that Astro serialises as an input error, so pages show service-side field messages
 * (for example "email exists already") next to their fields, as they do zod's.
 */
class FieldsError extends ActionError {
	override type = 'AstroActionInputError' as const as 'AstroActionError';
	issues: { path: string[]; message: string; code: string }[];
	fields: Record<string, string[]>;

	constructor(code: ActionCode, message: string, details: Record<string, string>) {
		super({ code, message });
		// The path-less issue carries the form-level message (readAction shows it above the form).
		this.issues = [
			{ path: [], message, code: 'custom' },
			...Object.entries(details).map(([field, text]) => ({
				path: [field],
				message: text,
				code: 'custom',
			})),
		];
		this.fields = Object.fromEntries(
			Object.entries(details).map(([field, text]) => [field, [text]]),
		);
	}
}

/** Runs a service call and translates what it throws into an `ActionError` (see toPortalError). */
export async function asAction<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error) {
		const failure = toPortalError(error);
		if (failure.unexpected) console.error('[action] unexpected error:', error);
		// NOTE: Astro answers an action's RPC call from the ActionError alone: the wait reaches the
		// response's Retry-After through the request scope (http/retry-after.ts).
		if (failure.retryAfter) noteRetryAfter(failure.retryAfter);
		const code = failure.code as ActionCode;
		if (failure.fields) throw new FieldsError(code, failure.message, failure.fields);
		throw new ActionError({ code, message: failure.message });
	}
}
