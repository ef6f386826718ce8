// A no-JS form post with files becomes the action's ordinary form post with file ids.
import { describe, expect, it } from 'vitest';
import { getAttachmentFor } from '#server/files/access.ts';
import {
	isUploadFormPost,
	rewriteUploadForm,
	uploadFailure,
} from '#server/attachments/form-rewrite.ts';
import { consumeQuota } from '#server/attachments/quota.ts';
import { UPLOAD_LIMITS } from '#server/attachments/limits.ts';
import { now } from '#server/clock.ts';
import { TooManyRequestsError } from '#server/errors.ts';
import { english } from '../../helpers/attachments.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { HTML_PAGE, LOG_FILE, makePng, multipartBody, type Part } from '../../helpers/files.ts';
import { makeCustomer } from '../../helpers/tickets.ts';

const URL_ = 'http://portal.test/tickets/1001?_upload=reply';

function formPost(parts: Part[]): Request {
	const { body, contentType } = multipartBody(parts);
	return new Request(URL_, {
		method: 'POST',
		body: new Uint8Array(body),
		headers: { 'content-type': contentType, origin: 'http://portal.test' },
	});
}

describe('isUploadFormPost', () => {
	it('takes multipart posts only', () => {
		const post = (type: string, method = 'POST') =>
			isUploadFormPost(
				new Request(URL_, {
					method,
					...(method === 'POST' ? { body: 'x' } : {}),
					headers: { 'content-type': type },
				}),
			);
		expect(post('multipart/form-data; boundary=x')).toBe(true);
		expect(post('application/x-www-form-urlencoded')).toBe(false);
		expect(post('multipart/form-data; boundary=x', 'GET')).toBe(false);
	});
});

describeEachDb('attachments: form posts rewritten for actions', (use) => {
	it('keeps the fields and turns the files into ids', async () => {
		const db = use();
		const user = await makeCustomer(db);
		const rewritten = await rewriteUploadForm(
			db,
			user,
			formPost([
				{ name: 'number', value: '1001' },
				{ name: 'body', value: 'See the screenshot — ошибка оплаты.' },
				{ name: 'attachments', filename: 'shot.png', data: await makePng(20, 20) },
				{ name: 'attachments', filename: 'storefront.log', data: LOG_FILE },
			]),
		);
		expect(rewritten.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
		expect(rewritten.headers.get('origin')).toBe('http://portal.test');
		const form = await rewritten.formData();
		expect(form.get('number')).toBe('1001');
		expect(form.get('body')).toBe('See the screenshot — ошибка оплаты.');
		const ids = form.getAll('attachment') as string[];
		expect(ids).toHaveLength(2);
		const names = await Promise.all(
			ids.map(async (id) => (await getAttachmentFor(db, user, id)).name),
		);
		expect(names).toEqual(['shot.png', 'storefront.log']);
		expect(
			uploadFailure({ attachmentsError: form.get('attachmentsError') as string | undefined }),
		).toBeUndefined();
	});

	it('passes a refused file on as the attachments field error, with the text kept', async () => {
		const db = use();
		const user = await makeCustomer(db);
		const rewritten = await rewriteUploadForm(
			db,
			user,
			formPost([
				{ name: 'body', value: 'typed text' },
				{ name: 'attachments', filename: 'cat.png', data: HTML_PAGE },
			]),
		);
		const form = await rewritten.formData();
		expect(form.get('body')).toBe('typed text');
		expect(form.getAll('attachment')).toEqual([]);
		const failure = uploadFailure({
			attachmentsError: form.get('attachmentsError') as string,
			attachmentsErrorCode: form.get('attachmentsErrorCode') as string,
		});
		expect(failure?.status).toBe(400);
		expect(english(failure?.details?.attachments)).toMatch(/“cat\.png” is an HTML or SVG document/);
	});

	it('keeps the Retry-After of a quota refusal', async () => {
		const db = use();
		const user = await makeCustomer(db);
		await consumeQuota(db, user, UPLOAD_LIMITS.monthlyBytes, now());
		const form = await (
			await rewriteUploadForm(
				db,
				user,
				formPost([{ name: 'attachments', filename: 'a.log', data: LOG_FILE }]),
			)
		).formData();
		const failure = uploadFailure({
			attachmentsError: form.get('attachmentsError') as string,
			attachmentsErrorCode: form.get('attachmentsErrorCode') as string,
		});
		expect(failure).toBeInstanceOf(TooManyRequestsError);
		expect((failure as TooManyRequestsError).retryAfter).toBeGreaterThan(0);
	});
});
