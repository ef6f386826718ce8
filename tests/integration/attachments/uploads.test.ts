import { sql } from 'kysely';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { consumeQuota, getUsage } from '#server/attachments/quota.ts';
import { blobStore } from '#server/attachments/storage.ts';
import { CHUNK_BYTES } from '#server/attachments/db-store.ts';
import { UPLOAD_LIMITS } from '#server/attachments/limits.ts';
import { AppError, TooManyRequestsError } from '#server/errors.ts';
import type { Db } from '#server/db/schema.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { asSessionUser, makeUser } from '../../helpers/factories.ts';
import { english, fetchFile, upload } from '../../helpers/attachments.ts';
import {
	HTML_PAGE,
	LOG_FILE,
	makeJpegWithExif,
	makePng,
	makePngBomb,
	makePolyglotPdf,
	makeZipBomb,
	SVG_WITH_SCRIPT,
} from '../../helpers/files.ts';

async function counts(db: Db) {
	const row = await sql<{ blobs: number; files: number; usage: number }>`
		select (select count(*)::int from attachment_blobs) as blobs,
			(select count(*)::int from attachments) as files,
			(select coalesce(sum(bytes), 0)::int from attachment_usage) as usage`.execute(db);
	return row.rows[0]!;
}

async function refused(promise: Promise<unknown>): Promise<AppError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof AppError) return error;
		throw error;
	}
	throw new Error('expected the upload to be refused');
}

describeEachDb('attachments: receiving files', (use) => {
	const customer = async () => asSessionUser(await makeUser(use(), { role: 'customer' }));

	it('stores a screenshot and a log, waiting for their message, readable by the uploader', async () => {
		const db = use();
		const user = await customer();
		const png = await makePng(800, 600);
		const [shot, log] = await upload(db, user, [
			{ name: 'image.png', data: png, type: 'image/png' },
			{ name: 'storefront.log', data: LOG_FILE },
		]);
		expect(shot).toMatchObject({
			name: 'image.png',
			contentType: 'image/png',
			uploaderId: user.id,
			parent: { kind: 'pending' },
			image: { width: 800, height: 600, thumbnail: { width: 320, height: 240 } },
		});
		expect(log).toMatchObject({
			name: 'storefront.log',
			contentType: 'text/plain; charset=utf-8',
			size: LOG_FILE.length,
			image: null,
		});
		expect((await fetchFile(db, user, log!.id)).bytes.equals(LOG_FILE)).toBe(true);
		const stored = (await fetchFile(db, user, shot!.id)).bytes;
		expect((await sharp(stored).metadata()).width).toBe(800);
		const thumb = (await fetchFile(db, user, shot!.id, 'thumbnail')).bytes;
		expect((await sharp(thumb).metadata()).format).toBe('webp');
	});

	it('keeps the same bytes once, however often they are attached', async () => {
		const db = use();
		const log = Buffer.from(`same log ${Math.random()}\n`);
		const before = await counts(db);
		await upload(db, await customer(), [{ name: 'a.log', data: log }]);
		await upload(db, await customer(), [{ name: 'b.log', data: log }]);
		const after = await counts(db);
		expect(after.files - before.files).toBe(2);
		expect(after.blobs - before.blobs).toBe(1);
	});

	it('stores large files in chunks and streams them back whole', async () => {
		const db = use();
		const user = await customer();
		const big = Buffer.alloc(CHUNK_BYTES * 2 + 1234, 'z');
		big.write('header line\n', 0);
		const [file] = await upload(db, user, [{ name: 'big.log', data: big }]);
		const chunks = await db
			.selectFrom('attachment_blob_chunks')
			.select('seq')
			.where('sha256', '=', file!.sha256)
			.execute();
		expect(chunks).toHaveLength(3);
		expect((await fetchFile(db, user, file!.id)).bytes.equals(big)).toBe(true);
	});

	it('strips EXIF from photos before storing them', async () => {
		const db = use();
		const user = await customer();
		const [photo] = await upload(db, user, [{ name: 'photo.jpg', data: await makeJpegWithExif() }]);
		const stored = (await fetchFile(db, user, photo!.id)).bytes;
		expect((await sharp(stored).metadata()).exif).toBeUndefined();
		expect(stored.includes(Buffer.from('Jane Customer'))).toBe(false);
	});

	describe('hostile files', () => {
		const cases: [string, () => Buffer | Promise<Buffer>, string, RegExp][] = [
			['an HTML page renamed .png', () => HTML_PAGE, 'cat.png', /HTML or SVG/],
			['an SVG with a script', () => SVG_WITH_SCRIPT, 'logo.svg', /HTML or SVG/],
			['a 50,000 × 50,000 PNG', () => makePngBomb(), 'huge.png', /50000 × 50000 pixels/],
			['an empty file', () => Buffer.alloc(0), 'empty.log', /“empty\.log” is empty/],
		];
		for (const [what, data, name, reason] of cases) {
			it(`refuses ${what} with 400 and keeps nothing`, async () => {
				const db = use();
				const before = await counts(db);
				const error = await refused(upload(db, await customer(), [{ name, data: await data() }]));
				expect(error.status).toBe(400);
				expect(english(error.details?.attachments)).toMatch(reason);
				expect(await counts(db)).toEqual(before);
			});
		}

		it('refuses the whole message when one of its files is refused', async () => {
			const db = use();
			const before = await counts(db);
			const error = await refused(
				upload(db, await customer(), [
					{ name: 'fine.log', data: LOG_FILE },
					{ name: 'cat.png', data: HTML_PAGE },
				]),
			);
			expect(english(error.message)).toMatch(/cat\.png/);
			expect(await counts(db)).toEqual(before);
		});

		it('stores a PDF/HTML polyglot as a PDF, sent as a sandboxed download', async () => {
			const db = use();
			const user = await customer();
			const [pdf] = await upload(db, user, [{ name: 'invoice.html', data: makePolyglotPdf() }]);
			expect(pdf).toMatchObject({ name: 'invoice.pdf', contentType: 'application/pdf' });
			const { headers } = await fetchFile(db, user, pdf!.id);
			expect(headers['content-disposition']).toMatch(/^attachment;/);
			expect(headers['content-security-policy']).toMatch(/^sandbox/);
			expect(headers['x-content-type-options']).toBe('nosniff');
		});

		it('stores a ZIP bomb named .txt as the ZIP it is, never opened', async () => {
			const db = use();
			const [zip] = await upload(db, await customer(), [
				{ name: 'notes.txt', data: makeZipBomb() },
			]);
			expect(zip).toMatchObject({ name: 'notes.zip', contentType: 'application/zip' });
		});
	});
});

describeEachDb('attachments: monthly quota', (use) => {
	const at = new Date('2026-12-04T10:00:00Z');

	it('refuses an upload past the monthly allowance with 429 until next month', async () => {
		const db = use();
		const user = asSessionUser(await makeUser(db));
		await consumeQuota(db, user, UPLOAD_LIMITS.monthlyBytes - 1000, at);
		await consumeQuota(db, user, 1000, at);
		const error = await refused(consumeQuota(db, user, 1, at));
		expect(error).toBeInstanceOf(TooManyRequestsError);
		expect((error as TooManyRequestsError).retryAfter).toBe((27 * 24 + 14) * 3600);
		expect(english(error.message)).toMatch(/renews at the start of next month/);
		expect((await getUsage(db, user, at)).used).toBe(UPLOAD_LIMITS.monthlyBytes);
		await consumeQuota(db, user, 1000, new Date('2027-01-01T00:00:00Z'));
	});

	it('does not limit staff', async () => {
		const db = use();
		const staff = asSessionUser(await makeUser(db, { role: 'staff' }));
		await consumeQuota(db, staff, UPLOAD_LIMITS.monthlyBytes * 3, at);
		expect(await getUsage(db, staff, at)).toEqual({
			used: UPLOAD_LIMITS.monthlyBytes * 3,
			limit: null,
		});
	});

	it('lets only one of two uploads at once take the last of the allowance', async () => {
		const db = use();
		const user = asSessionUser(await makeUser(db));
		await consumeQuota(db, user, UPLOAD_LIMITS.monthlyBytes - 500, at);
		const results = await Promise.allSettled([
			consumeQuota(db, user, 400, at),
			consumeQuota(db, user, 400, at),
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
	});

	it('counts nothing when the upload fails after the quota was taken', async () => {
		const db = use();
		const user = asSessionUser(await makeUser(db));
		const sha = 'f'.repeat(64);
		await db
			.transaction()
			.execute(async (trx) => {
				await consumeQuota(trx, user, 5000, at);
				await blobStore(trx).put(sha, 3, async function* () {
					yield Buffer.from('abc');
				});
				throw new Error('the server stopped');
			})
			.catch(() => undefined);
		expect((await getUsage(db, user, at)).used).toBe(0);
		expect(await blobStore(db).stat(sha)).toBeUndefined();
	});
});
