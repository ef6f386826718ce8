/**
 * Typed errors thrown by services. Edges translate them: actions via `asAction()`,
 * endpoints via `errorResponse()`, pages via redirect or 404.
 * The codes are Astro `ActionError` code names.
 */
export const ERROR_STATUS = {
	BAD_REQUEST: 400,
	UNAUTHORIZED: 401,
	FORBIDDEN: 403,
	NOT_FOUND: 404,
	CONFLICT: 409,
	CONTENT_TOO_LARGE: 413,
	TOO_MANY_REQUESTS: 429,
	SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
	readonly code: ErrorCode;
	/** Field name → message, for errors that belong next to a form field. */
	readonly details: Record<string, string> | undefined;

	constructor(code: ErrorCode, message: string, details?: Record<string, string>) {
		super(message);
		this.name = new.target.name;
		this.code = code;
		this.details = details;
	}

	get status(): number {
		return ERROR_STATUS[this.code];
	}
}

export class BadRequestError extends AppError {
	constructor(message: string, details?: Record<string, string>) {
		super('BAD_REQUEST', message, details);
	}
}

export class UnauthorizedError extends AppError {
	constructor(message = 'Please log in first.', details?: Record<string, string>) {
		super('UNAUTHORIZED', message, details);
	}
}

export class ForbiddenError extends AppError {
	constructor(message = 'You are not allowed to do that.', details?: Record<string, string>) {
		super('FORBIDDEN', message, details);
	}
}

export class NotFoundError extends AppError {
	constructor(message = 'Not found.', details?: Record<string, string>) {
		super('NOT_FOUND', message, details);
	}
}

export class ConflictError extends AppError {
	constructor(message: string, details?: Record<string, string>) {
		super('CONFLICT', message, details);
	}
}

/** A request body or an uploaded file over its size limit (413). */
export class ContentTooLargeError extends AppError {
	constructor(message: string, details?: Record<string, string>) {
		super('CONTENT_TOO_LARGE', message, details);
	}
}

export class TooManyRequestsError extends AppError {
	/** Seconds until the caller may try again. */
	readonly retryAfter: number;

	constructor(message: string, retryAfter: number, details?: Record<string, string>) {
		super('TOO_MANY_REQUESTS', message, details);
		this.retryAfter = Math.max(1, Math.ceil(retryAfter));
	}
}

export class ServiceUnavailableError extends AppError {
	readonly retryAfter: number;

	constructor(message: string, retryAfter = 5) {
		super('SERVICE_UNAVAILABLE', message);
		this.retryAfter = retryAfter;
	}
}
