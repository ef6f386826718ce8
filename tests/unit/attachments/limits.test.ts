import { describe, expect, it } from 'vitest';
import { UPLOAD_LIMITS } from '#server/attachments/limits.ts';
import { UPLOAD_BODY_LIMIT } from '#server/attachments/upload-request.ts';
import {
	bodyLimitFor,
	BODY_SIZE_LIMIT,
	limitBody,
	UPLOAD_BODY_LIMIT as LAUNCHER_LIMIT,
} from '#server/http/limits.ts';
import { isBodyTooLarge } from '#server/http/limits.ts';

describe('body limits', () => {
	it('lets the launcher take a little more than the attachments reader reads', () => {
		expect(LAUNCHER_LIMIT).toBeGreaterThan(UPLOAD_BODY_LIMIT);
		expect(LAUNCHER_LIMIT - UPLOAD_BODY_LIMIT).toBeLessThanOrEqual(1024 * 1024);
		expect(UPLOAD_BODY_LIMIT).toBeGreaterThan(UPLOAD_LIMITS.messageBytes);
	});

	it('gives multipart posts the upload limit and everything else 4 MiB', () => {
		expect(bodyLimitFor('multipart/form-data; boundary=x')).toBe(LAUNCHER_LIMIT);
		expect(bodyLimitFor('application/x-www-form-urlencoded')).toBe(BODY_SIZE_LIMIT);
		expect(bodyLimitFor('application/json')).toBe(BODY_SIZE_LIMIT);
		expect(bodyLimitFor(undefined)).toBe(BODY_SIZE_LIMIT);
	});

	it('cuts a streamed body past its limit with the error answered as 413', async () => {
		async function* body() {
			for (let i = 0; i < 10; i++) yield new Uint8Array(100);
		}
		let read = 0;
		let failure: unknown;
		try {
			for await (const chunk of limitBody(body(), 450)) read += chunk.byteLength;
		} catch (error) {
			failure = error;
		}
		expect(read).toBe(400);
		expect(isBodyTooLarge(failure)).toBe(true);
	});
});
