import type { AstroGlobal } from 'astro';
import { isInputError } from 'astro:actions';

type AnyAction = Parameters<AstroGlobal['getActionResult']>[0];

export interface Outcome {
	/** Where to go after a successful action (its `url`, else this page). */
	redirect: string | undefined;
	/** The message of a failed action; the response status is set to its status. */
	error: string | undefined;
	/** Which action failed or succeeded (to show the message next to the right form). */
	action: string | undefined;
}

/**
 * The outcome of whichever of `list` was posted to this page: small forms (accept, watch,
 * moderate…) redirect on success and show one message on failure.
 */
export function actionOutcome(astro: AstroGlobal, list: Record<string, AnyAction>): Outcome {
	for (const [name, action] of Object.entries(list)) {
		const result = astro.getActionResult(action);
		if (!result) continue;
		if (result.error) {
			astro.response.status = result.error.status;
			const message = isInputError(result.error)
				? (result.error.issues[0]?.message ?? 'Please check the form.')
				: result.error.message;
			return {
				redirect: undefined,
				error: message || 'Something went wrong. Please try again.',
				action: name,
			};
		}
		const url = (result.data as { url?: unknown } | undefined)?.url;
		return {
			redirect:
				typeof url === 'string' && url.startsWith('/')
					? url
					: `${astro.url.pathname}${astro.url.search}`,
			error: undefined,
			action: name,
		};
	}
	return { redirect: undefined, error: undefined, action: undefined };
}
