import { describe, expect, it } from 'vitest';
import { isBodyTooLarge } from '#server/http/limits.ts';
import { errorResponse, isDatabaseUnavailable, isUnstorableText } from '#server/http/responses.ts';

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
