// The streaming reader on its own (temporary files, no database).
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readMultipart, type MultipartForm } from '#server/attachments/multipart.ts';
import { AppError } from '#server/errors.ts';
import { english } from '../../helpers/attachments.ts';
import { chunked, endlessFileBody, LOG_FILE, makePng, multipartBody } from '../../helpers/files.ts';

const MB = 1024 * 1024;
const limits = { fileBytes: 1 * MB, messageBytes: 2 * MB, filesPerMessage: 3 };
const opened: MultipartForm[] = [];

afterEach(async () => {
	for (const form of opened.splice(0)) await form.dispose();
});

async function read(contentType: string | null, body: AsyncIterable<Uint8Array> | null) {
	const form = await readMultipart(contentType, body, limits);
	opened.push(form);
	return form;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof AppError) return error;
		throw error;
	}
	throw new Error('expected the reading to fail');
}

describe('readMultipart', () => {
	it('reads fields and files, with size, SHA-256, first bytes and text flag', async () => {
		const png = await makePng();
		const { body, contentType } = multipartBody([
			{ name: 'body', value: 'Here is the log — see line 2.' },
			{ name: 'attachments', filename: 'storefront.log', type: 'text/plain', data: LOG_FILE },
			{ name: 'attachments', filename: '../../shot.png', type: 'image/png', data: png },
		]);
		const form = await read(contentType, chunked(body, 1000));
		expect(form.fields.get('body')).toEqual(['Here is the log — see line 2.']);
		expect(form.files.map((f) => [f.name, f.size, f.isText])).toEqual([
			['storefront.log', LOG_FILE.length, true],
			['shot.png', png.length, false],
		]);
		expect(fs.readFileSync(form.files[1]!.path).equals(png)).toBe(true);
		const { createHash } = await import('node:crypto');
		expect(form.files[0]!.sha256).toBe(createHash('sha256').update(LOG_FILE).digest('hex'));
	});

	it('skips the empty part of a file input left empty', async () => {
		const { body, contentType } = multipartBody([
			{ name: 'body', value: 'no files' },
			{ name: 'attachments', filename: '', data: Buffer.alloc(0) },
		]);
		expect((await read(contentType, chunked(body))).files).toEqual([]);
	});

	it('keeps an empty file that has a name (the service refuses it)', async () => {
		const { body, contentType } = multipartBody([
			{ name: 'attachments', filename: 'empty.txt', data: Buffer.alloc(0) },
		]);
		const [file] = (await read(contentType, chunked(body))).files;
		expect(file).toMatchObject({ name: 'empty.txt', size: 0, isText: false });
	});

	it('decodes UTF-8 file names and sanitises them', async () => {
		const { body, contentType } = multipartBody([
			{ name: 'attachments', filename: '..\\журнал\u202e.log', data: LOG_FILE },
		]);
		expect((await read(contentType, chunked(body))).files[0]!.name).toBe('журнал.log');
	});

	it('answers 400 to a raw NUL in a part header', async () => {
		const { body, contentType } = multipartBody([
			{ name: 'attachments', filename: 'a\u0000.log', data: LOG_FILE },
		]);
		expect((await failure(read(contentType, chunked(body)))).status).toBe(400);
	});

	it('answers 400 to a multipart type without boundary', async () => {
		const error = await failure(read('multipart/form-data', chunked(Buffer.from('x'))));
		expect(error.status).toBe(400);
		expect(english(error.message)).toMatch(/no multipart boundary/);
	});

	it('answers 400 to a body that is not multipart', async () => {
		const error = await failure(
			read('application/x-www-form-urlencoded', chunked(Buffer.from('a=1'))),
		);
		expect(error.status).toBe(400);
	});

	it('answers 400 to a body cut off before its end (it claimed more than it sent)', async () => {
		const { body, contentType } = multipartBody([
			{ name: 'attachments', filename: 'a.log', data: LOG_FILE },
		]);
		const error = await failure(read(contentType, chunked(body.subarray(0, body.length - 30))));
		expect(error.status).toBe(400);
	});

	it('answers 400 when the client goes away mid-file, and the process lives on', async () => {
		const { body, contentType } = multipartBody([
			{ name: 'attachments', filename: 'big.log', data: Buffer.alloc(600 * 1024, 'c') },
		]);
		async function* goingAway() {
			yield* chunked(body.subarray(0, 300 * 1024), 16 * 1024);
			throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
		}
		const error = await failure(read(contentType, goingAway()));
		expect(error.status).toBe(400);
		expect(english(error.message)).toMatch(/interrupted/);
		// An unhandled stream error would surface here, after the reading failed.
		await new Promise((resolve) => setTimeout(resolve, 50));
	});

	it('stops at the file limit with 413 and removes what it wrote', async () => {
		const { body, contentType } = multipartBody([
			{ name: 'attachments', filename: 'big.log', data: Buffer.alloc(limits.fileBytes + 1, 'a') },
		]);
		const before = fs
			.readdirSync((await import('node:os')).tmpdir())
			.filter((n) => n.startsWith('ot-upload-'));
		const error = await failure(read(contentType, chunked(body)));
		expect(error.status).toBe(413);
		expect(english(error.message)).toMatch(/big\.log.* larger than 1 MB/);
		expect(error.details).toHaveProperty('attachments');
		const after = fs
			.readdirSync((await import('node:os')).tmpdir())
			.filter((n) => n.startsWith('ot-upload-'));
		expect(after.filter((n) => !before.includes(n))).toEqual([]);
	});

	it('stops at the message limit with 413 when files add up past it', async () => {
		const part = Buffer.alloc(0.8 * MB, 'b');
		const { body, contentType } = multipartBody([
			{ name: 'attachments', filename: '1.log', data: part },
			{ name: 'attachments', filename: '2.log', data: part },
			{ name: 'attachments', filename: '3.log', data: part },
		]);
		const error = await failure(read(contentType, chunked(body)));
		expect(error.status).toBe(413);
		expect(english(error.message)).toMatch(/add up to at most 2 MB/);
	});

	it('refuses more files than a message may have', async () => {
		const parts = Array.from({ length: 4 }, (_, i) => ({
			name: 'attachments',
			filename: `${i}.log`,
			data: LOG_FILE,
		}));
		const { body, contentType } = multipartBody(parts);
		const error = await failure(read(contentType, chunked(body)));
		expect(error.status).toBe(400);
		expect(english(error.message)).toMatch(/at most 3 files/);
	});

	it('reads an endless body only up to the limit, in flat memory', async () => {
		const boundary = 'endless';
		let pulled = 0;
		async function* counting() {
			for await (const chunk of endlessFileBody(boundary, 1024 * MB)) {
				pulled += chunk.byteLength;
				yield chunk;
			}
		}
		const error = await failure(read(`multipart/form-data; boundary=${boundary}`, counting()));
		expect(error.status).toBe(413);
		// The limit, plus the part dropped so a browser still reads the answer; never the gigabyte.
		expect(pulled).toBeLessThan(limits.fileBytes + 20 * MB);
	});
});
