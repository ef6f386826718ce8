// A form post with files as the edge receives it: a web Request with a streamed body.
import { describe, expect, it } from 'vitest';
import { getAttachmentFor } from '#server/files/access.ts';
import { fileResponse, openFile } from '#server/files/serving.ts';
import { receiveForm, UPLOAD_BODY_LIMIT } from '#server/attachments/upload-request.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { LOG_FILE, makePng, multipartBody } from '../../helpers/files.ts';
import { makeCustomer } from '../../helpers/tickets.ts';

function post(body: BodyInit, headers: Record<string, string>): Request {
	return new Request('http://portal.test/tickets/1001', {
		method: 'POST',
		body,
		headers,
		duplex: 'half',
	} as RequestInit);
}

function streamOf(buffer: Buffer): ReadableStream<Uint8Array> {
	let sent = false;
	return new ReadableStream({
		pull(controller) {
			if (sent) return controller.close();
			sent = true;
			controller.enqueue(buffer);
		},
	});
}

describeEachDb('attachments: form posts', (use) => {
	it('returns the text fields and the ids of files sent now and uploaded before', async () => {
		const db = use();
		const user = await makeCustomer(db);
		const earlier = '6b0e3f49-6d0a-4d7b-9f7e-1c7d7f3a2b10';
		const { body, contentType } = multipartBody([
			{ name: 'body', value: 'The checkout fails, screenshot attached.' },
			{ name: 'attachment', value: earlier },
			{ name: 'attachments', filename: 'image.png', data: await makePng(30, 20) },
		]);
		const form = await receiveForm(db, user, post(streamOf(body), { 'content-type': contentType }));
		expect(form.field('body')).toBe('The checkout fails, screenshot attached.');
		expect(form.attachmentIds).toHaveLength(2);
		expect(form.attachmentIds[0]).toBe(earlier);
		const stored = await getAttachmentFor(db, user, form.attachmentIds[1]!);
		expect(stored).toMatchObject({ name: 'image.png', parent: { kind: 'pending' } });
	});

	it('refuses with 413 a body that declares more than the limit, before reading it', async () => {
		const db = use();
		const user = await makeCustomer(db);
		let pulled = 0;
		const body = new ReadableStream({
			pull(controller) {
				pulled += 1;
				controller.enqueue(new Uint8Array(1024));
			},
		});
		const request = post(body, {
			'content-type': 'multipart/form-data; boundary=x',
			'content-length': String(UPLOAD_BODY_LIMIT + 1),
		});
		await expect(receiveForm(db, user, request)).rejects.toMatchObject({ status: 413 });
		expect(pulled).toBeLessThanOrEqual(1);
	});

	it('answers a file as a streamed Response with its headers', async () => {
		const db = use();
		const user = await makeCustomer(db);
		const { body, contentType } = multipartBody([
			{ name: 'attachments', filename: 'storefront.log', data: LOG_FILE },
		]);
		const form = await receiveForm(
			db,
			user,
			post(new Uint8Array(body), { 'content-type': contentType }),
		);
		const opened = await openFile(db, user, form.attachmentIds[0]!, {
			variant: 'original',
			ifNoneMatch: null,
			head: false,
		});
		const response = fileResponse(opened);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
		expect(Buffer.from(await response.arrayBuffer()).equals(LOG_FILE)).toBe(true);
	});
});
