import type { AstroGlobal } from 'astro';
import { isInputError, type ActionClient } from 'astro:actions';

export interface FormState<T> {
	/** The action's data when it succeeded. */
	data: T | undefined;
	/** What the person typed, to put back into the form after an error (passwords excluded). */
	values: Record<string, string>;
	fieldErrors: Record<string, string>;
	/** A message for the whole form (wrong password, rate limited, server trouble). */
	formError: string | undefined;
}

type ActionData<A> = A extends ActionClient<infer Output, any, any> ? Awaited<Output> : never;

/**
 * The outcome of a form action posted to this page (no-JS form flow): field messages, a form
 * message, the typed values, and the response status set to the error's (400, 401, 429…).
 */
export async function formState<A extends ActionClient<any, any, any>>(
	astro: AstroGlobal,
	action: A,
): Promise<FormState<ActionData<A>>> {
	const result = astro.getActionResult(action);
	const state: FormState<ActionData<A>> = {
		data: undefined,
		values: {},
		fieldErrors: {},
		formError: undefined,
	};
	if (!result) return state;
	if (!result.error) {
		state.data = result.data as ActionData<A>;
		return state;
	}
	state.values = await typedValues(astro.request);
	astro.response.status = result.error.status;
	if (isInputError(result.error)) {
		for (const [field, messages] of Object.entries(result.error.fields)) {
			if (messages?.[0]) state.fieldErrors[field] = messages[0];
		}
		const formLevel = result.error.issues.find(
			(issue: { path: unknown[] }) => issue.path.length === 0,
		)?.message;
		state.formError = formLevel ?? 'Please correct the fields marked below.';
	} else {
		// NOTE: a 429 or 503 gets its Retry-After from the wait asAction() noted (http/retry-after.ts).
		state.formError = result.error.message || 'Something went wrong. Please try again.';
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
