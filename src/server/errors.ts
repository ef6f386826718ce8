/**
 * Typed errors thrown by services; edges translate them (endpoint -> JSON + status,
 * action -> ActionError). Codes match Astro's ActionError names.
 */
export const ERROR_STATUS = {
	BAD_REQUEST: 400,
	UNAUTHORIZED: 401,
	FORBIDDEN: 403,
	NOT_FOUND: 404,
	CONFLICT: 409,
	TOO_MANY_REQUESTS: 429,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
	readonly code: ErrorCode;
	readonly details: Record<string, string> | undefined;

	constructor(code: ErrorCode, message: string, details?: Record<string, string>) {
		super(message);
		this.name = new.target.name;
		this.code = code;
		this.details = details;
	}

	/** HTTP status an endpoint should answer with. */
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
	constructor(message: string, details?: Record<string, string>) {
		super('UNAUTHORIZED', message, details);
	}
}

export class ForbiddenError extends AppError {
	constructor(message: string, details?: Record<string, string>) {
		super('FORBIDDEN', message, details);
	}
}

export class NotFoundError extends AppError {
	constructor(message: string, details?: Record<string, string>) {
		super('NOT_FOUND', message, details);
	}
}

export class ConflictError extends AppError {
	constructor(message: string, details?: Record<string, string>) {
		super('CONFLICT', message, details);
	}
}

export class TooManyRequestsError extends AppError {
	constructor(message: string, details?: Record<string, string>) {
		super('TOO_MANY_REQUESTS', message, details);
	}
}
