/**
 * What a form action posted to this page returned (the no-JS form flow), read in one place.
 * - `readAction(Astro, action)`: a form with fields (field messages next to them, a general
 *   message above, the typed values to put back, the data on success).
 * - `readAction(Astro, { accept, watch, … })`: several small forms on one page: which one posted,
 *   one message for it, and where to go after a success.
 * Either way the response status is set to the error's (400, 401, 429…).
 */
import type { AstroGlobal } from 'astro';
import { isInputError, type ActionClient } from 'astro:actions';

type AnyAction = ActionClient<any, any, any>;
type ActionData<A> = A extends ActionClient<infer Output, any, any> ? Awaited<Output> : never;

export interface FormState<T> {
	/** Which action posted (the key given to readAction), undefined when none did. */
	action: string | undefined;
	/** The action's data when it succeeded. */
	data: T | undefined;
	/** What the person typed, to put back into the form after an error (passwords excluded). */
	values: Record<string, string>;
	fieldErrors: Record<string, string>;
	/** A message for the whole form (wrong password, rate limited, server trouble). */
	formError: string | undefined;
	/** After a success: the data's `url` when it is a local path, else this page. */
	redirect: string | undefined;
}

export function readAction<A extends AnyAction>(
	astro: AstroGlobal,
	action: A,
): Promise<FormState<ActionData<A>>>;
export function readAction<L extends Record<string, AnyAction>>(
	astro: AstroGlobal,
	actions: L,
): Promise<FormState<ActionData<L[keyof L]>>>;
export async function readAction(
	astro: AstroGlobal,
	given: AnyAction | Record<string, AnyAction>,
): Promise<FormState<unknown>> {
	const several = typeof given !== 'function';
	const list = several ? given : { action: given };
	const state: FormState<unknown> = {
		action: undefined,
		data: undefined,
		values: {},
		fieldErrors: {},
		formError: undefined,
		redirect: undefined,
	};
	for (const [name, action] of Object.entries(list)) {
		const result = astro.getActionResult(action);
		if (!result) continue;
		state.action = several ? name : undefined;
		if (!result.error) {
			state.data = result.data;
			const url = (result.data as { url?: unknown } | undefined)?.url;
			state.redirect =
				typeof url === 'string' && url.startsWith('/')
					? url
					: `${astro.url.pathname}${astro.url.search}`;
			return state;
		}
		astro.response.status = result.error.status;
		state.values = await typedValues(astro.request);
		if (isInputError(result.error)) {
			for (const [field, messages] of Object.entries(result.error.fields)) {
				if (messages?.[0]) state.fieldErrors[field] = messages[0];
			}
			const issues = result.error.issues as { path: unknown[]; message: string }[];
			// A small form shows no field messages: its one message is the first issue's.
			state.formError = several
				? (issues[0]?.message ?? 'Please check the form.')
				: (issues.find((issue) => issue.path.length === 0)?.message ??
					'Please correct the fields marked below.');
		} else {
			// NOTE: a 429 or 503 gets its Retry-After from the wait asAction() noted (http/retry-after.ts).
			state.formError = result.error.message || 'Something went wrong. Please try again.';
		}
		return state;
	}
	return state;
}

async function typedValues(request: Request): Promise<Record<string, string>> {
	if (request.method !== 'POST') return {};
	try {
		const form = await request.clone().formData();
		const values: Record<string, string> = {};
		for (const [key, value] of form) {
			if (typeof value === 'string' && !/password/i.test(key)) values[key] = value;
		}
		return values;
	} catch {
		return {};
	}
}
