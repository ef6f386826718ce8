import { describe, expect, it } from 'vitest';
import { isBodyTooLarge } from '#server/http/limits.ts';
import { NotFoundError, TooManyRequestsError } from '#server/errors.ts';
import { pageFailure } from '#server/http/page-response.ts';
import {
	isDatabaseUnavailable,
	isUnstorableText,
	toPortalError,
} from '#server/http/portal-error.ts';
import { errorResponse } from '#server/http/responses.ts';

const pgError = (code: string) =>
	Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code });

describe('isUnstorableText', () => {
	it('recognises PostgreSQL refusing a NUL character, also as a cause', () => {
		expect(isUnstorableText(pgError('22021'))).toBe(true);
		expect(isUnstorableText(new Error('query failed', { cause: pgError('22021') }))).toBe(true);
	});

	it('leaves other database errors alone', () => {
		expect(isUnstorableText(pgError('23505'))).toBe(false);
		expect(isDatabaseUnavailable(pgError('22021'))).toBe(false);
	});

	it('answers 400, not 500, from a JSON endpoint', async () => {
		const res = errorResponse(pgError('22021'));
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
	});
});

describe('isBodyTooLarge', () => {
	it('recognises the adapter refusing a streamed body', () => {
		expect(
			isBodyTooLarge(
				new TypeError('terminated', {
					cause: new Error('Body size limit exceeded: received more than 4194304 bytes'),
				}),
			),
		).toBe(true);
		expect(isBodyTooLarge(new Error('Unexpected end of form'))).toBe(false);
	});
});

const outage = () =>
	Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const oversize = () =>
	new TypeError('terminated', {
		cause: new Error('Body size limit exceeded: received more than 4194304 bytes'),
	});

describe('toPortalError: one mapping for every edge', () => {
	it.each([
		['text the database cannot store', pgError('22021'), 400, 'BAD_REQUEST', undefined],
		['a database outage', outage(), 503, 'SERVICE_UNAVAILABLE', 5],
		['a body over the limit', oversize(), 413, 'CONTENT_TOO_LARGE', undefined],
		['a rate limit', new TooManyRequestsError('Slow down.', 42), 429, 'TOO_MANY_REQUESTS', 42],
		['a typed error', new NotFoundError('No such topic.'), 404, 'NOT_FOUND', undefined],
	])('maps %s', (_kind, error, status, code, retryAfter) => {
		const failure = toPortalError(error);
		expect(failure).toMatchObject({ status, code, unexpected: false });
		expect(failure.retryAfter).toBe(retryAfter);
	});

	it('hides anything else behind a generic 500 marked unexpected', () => {
		const failure = toPortalError(new Error('relation "secret_table" does not exist'));
		expect(failure).toMatchObject({ status: 500, unexpected: true });
		expect(failure.message).not.toContain('secret_table');
	});

	it('gives endpoints and pages the same status, message and Retry-After', async () => {
		for (const error of [pgError('22021'), outage(), oversize()]) {
			const expected = toPortalError(error);
			const api = errorResponse(error);
			const page = pageFailure(error);
			expect([api.status, page.status]).toEqual([expected.status, expected.status]);
			expect(((await api.json()) as { error: { message: string } }).error.message).toBe(
				expected.message,
			);
			expect(await page.text()).toBe(expected.message);
			expect(api.headers.get('retry-after')).toBe(page.headers.get('retry-after'));
		}
	});

	it('lets a page rethrow a server bug (Astro answers it with the 500 page)', () => {
		const bug = new Error('bug');
		expect(() => pageFailure(bug)).toThrow(bug);
	});
});
