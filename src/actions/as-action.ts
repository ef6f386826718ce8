import { ActionError } from 'astro:actions';
import { AppError, ServiceUnavailableError, TooManyRequestsError } from '#server/errors.ts';
import { noteRetryAfter } from '#server/http/retry-after.ts';
import {
	isDatabaseUnavailable,
	isUnstorableText,
	UNSTORABLE_TEXT_MESSAGE,
} from '#server/http/responses.ts';

type ActionCode = ConstructorParameters<typeof ActionError>[0]['code'];

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
		// The path-less issue carries the form-level message (`formState` shows it above the form).
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

/** Runs a service call and translates `AppError`s into `ActionError`s. */
export async function asAction<T>(run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error) {
		if (error instanceof TooManyRequestsError || error instanceof ServiceUnavailableError)
			noteRetryAfter(error.retryAfter);
		if (error instanceof AppError) {
			const code = (
				error.code === 'SERVICE_UNAVAILABLE' ? 'SERVICE_UNAVAILABLE' : error.code
			) as ActionCode;
			if (error.details) throw new FieldsError(code, error.message, error.details);
			throw new ActionError({ code, message: error.message });
		}
		if (isUnstorableText(error))
			throw new ActionError({ code: 'BAD_REQUEST', message: UNSTORABLE_TEXT_MESSAGE });
		if (isDatabaseUnavailable(error)) {
			noteRetryAfter(5);
			throw new ActionError({
				code: 'SERVICE_UNAVAILABLE',
				message: 'The database is briefly unavailable. Please retry.',
			});
		}
		console.error('[action] unexpected error:', error);
		throw new ActionError({
			code: 'INTERNAL_SERVER_ERROR',
			message: 'Something went wrong on our side.',
		});
	}
}
