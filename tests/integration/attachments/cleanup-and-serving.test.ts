import { describe, expect, it } from 'vitest';
import { getAttachmentFor } from '#server/files/access.ts';
import { attachUploads } from '#server/attachments/attachments.service.ts';
import { BLOB_GRACE_MS, cleanUpAttachments, PENDING_TTL_MS } from '#server/attachments/cleanup.ts';
import { openFile } from '#server/files/serving.ts';
import { blobStore } from '#server/attachments/storage.ts';
import type { Db } from '#server/db/schema.ts';
import { NotFoundError } from '#server/errors.ts';
import { fetchFile, upload } from '../../helpers/attachments.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { makePng, makePolyglotPdf } from '../../helpers/files.ts';
import { makeCustomer, makeTicket } from '../../helpers/tickets.ts';

const HOUR = 60 * 60 * 1000;

/** Moves an attachment and its blobs back in time. */
async function age(db: Db, id: string, ms: number): Promise<void> {
	const at = new Date(Date.now() - ms);
	const row = await db
		.selectFrom('attachments')
		.select(['sha256', 'thumb_sha256'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	await db
		.updateTable('attachments')
		.set({ created_at: at } as never)
		.where('id', '=', id)
		.execute();
	await db
		.updateTable('attachment_blobs')
		.set({ last_used_at: at })
		.where('sha256', 'in', [row.sha256, row.thumb_sha256 ?? row.sha256])
		.execute();
}

describeEachDb('attachments: cleanup', (use) => {
	it('removes files never sent after a day, bytes and thumbnail included', async () => {
		const db = use();
		const user = await makeCustomer(db);
		const [file] = await upload(db, user, [{ name: 'shot.png', data: await makePng(50, 50) }]);
		await age(db, file!.id, PENDING_TTL_MS + HOUR);
		const report = await cleanUpAttachments(db);
		expect(report.pendingRemoved).toBeGreaterThanOrEqual(1);
		expect(report.blobsRemoved).toBeGreaterThanOrEqual(2);
		await expect(getAttachmentFor(db, user, file!.id)).rejects.toBeInstanceOf(NotFoundError);
		expect(await blobStore(db).stat(file!.sha256)).toBeUndefined();
		expect(await blobStore(db).stat(file!.image!.thumbnail.sha256)).toBeUndefined();
	});

	it('keeps files that were sent, and recent uploads', async () => {
		const db = use();
		const user = await makeCustomer(db);
		const ticket = await makeTicket(db, user);
		const [sent] = await upload(db, user, [
			{ name: 'sent.log', data: Buffer.from(`sent ${Math.random()}`) },
		]);
		await db
			.transaction()
			.execute((trx) =>
				attachUploads(trx, user, [sent!.id], { kind: 'ticket', ticketId: ticket.id }),
			);
		const [fresh] = await upload(db, user, [
			{ name: 'fresh.log', data: Buffer.from(`fresh ${Math.random()}`) },
		]);
		await age(db, sent!.id, PENDING_TTL_MS * 3);
		await cleanUpAttachments(db);
		expect((await fetchFile(db, user, sent!.id)).bytes.toString()).toMatch(/^sent /);
		expect((await fetchFile(db, user, fresh!.id)).bytes.toString()).toMatch(/^fresh /);
	});

	it('removes the bytes of a deleted ticket’s files, but not bytes another file shares', async () => {
		const db = use();
		const user = await makeCustomer(db);
		const shared = Buffer.from(`shared ${Math.random()}`);
		const only = Buffer.from(`only ${Math.random()}`);
		const ticket = await makeTicket(db, user);
		const files = await upload(db, user, [
			{ name: 'shared.log', data: shared },
			{ name: 'only.log', data: only },
		]);
		await db.transaction().execute((trx) =>
			attachUploads(
				trx,
				user,
				files.map((f) => f.id),
				{ kind: 'ticket', ticketId: ticket.id },
			),
		);
		const [kept] = await upload(db, user, [{ name: 'copy.log', data: shared }]);
		await db.deleteFrom('tickets').where('id', '=', ticket.id).execute();
		await expect(getAttachmentFor(db, user, files[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
		await age(db, kept!.id, BLOB_GRACE_MS + HOUR); // ages the shared blob; the copy is recent
		await db
			.updateTable('attachment_blobs')
			.set({ last_used_at: new Date(Date.now() - BLOB_GRACE_MS - HOUR) })
			.where('sha256', '=', files[1]!.sha256)
			.execute();
		await cleanUpAttachments(db);
		expect(await blobStore(db).stat(files[1]!.sha256)).toBeUndefined();
		expect((await fetchFile(db, user, kept!.id)).bytes.equals(shared)).toBe(true);
	});

	it('spares bytes used within the grace period even when nothing references them yet', async () => {
		const db = use();
		const sha = 'e'.repeat(64);
		await blobStore(db).put(sha, 2, async function* () {
			yield Buffer.from('hi');
		});
		await cleanUpAttachments(db);
		expect(await blobStore(db).stat(sha)).toEqual({ size: 2 });
	});
});

describeEachDb('attachments: serving', (use) => {
	it('shows images inline and sends everything else as a sandboxed download', async () => {
		const db = use();
		const user = await makeCustomer(db);
		const [png, pdf] = await upload(db, user, [
			{ name: 'shot.png', data: await makePng(40, 40) },
			{ name: 'report.pdf', data: makePolyglotPdf() },
		]);
		const image = await fetchFile(db, user, png!.id);
		expect(image.headers).toMatchObject({
			'content-type': 'image/png',
			'content-disposition': `inline; filename="shot.png"; filename*=UTF-8''shot.png`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, max-age=31536000, immutable',
			etag: `"${png!.sha256}"`,
			'content-length': String(png!.size),
		});
		expect(image.headers['content-security-policy']).toMatch(/^sandbox;/);
		const download = await fetchFile(db, user, pdf!.id);
		expect(download.headers['content-type']).toBe('application/pdf');
		expect(download.headers['content-disposition']).toMatch(/^attachment; filename="report.pdf"/);
		expect(download.headers['content-security-policy']).toMatch(/^sandbox;/);
	});

	it('answers 304 to a matching ETag, after checking access', async () => {
		const db = use();
		const user = await makeCustomer(db);
		const [file] = await upload(db, user, [
			{ name: 'a.log', data: Buffer.from(`etag ${Math.random()}`) },
		]);
		const etag = `"${file!.sha256}"`;
		const cached = await openFile(db, user, file!.id, {
			variant: 'original',
			ifNoneMatch: `W/${etag}`,
			head: false,
		});
		expect(cached).toMatchObject({ status: 304, body: undefined });
		const other = await makeCustomer(db);
		await expect(
			openFile(db, other, file!.id, { variant: 'original', ifNoneMatch: etag, head: false }),
		).rejects.toBeInstanceOf(NotFoundError);
	});

	it('serves a WebP thumbnail of an image and none of a PDF', async () => {
		const db = use();
		const user = await makeCustomer(db);
		const [png, pdf] = await upload(db, user, [
			{ name: 'big.png', data: await makePng(900, 300) },
			{ name: 'r.pdf', data: makePolyglotPdf() },
		]);
		const thumb = await fetchFile(db, user, png!.id, 'thumbnail');
		expect(thumb.headers['content-type']).toBe('image/webp');
		expect(thumb.headers.etag).toBe(`"${png!.image!.thumbnail.sha256}"`);
		await expect(fetchFile(db, user, pdf!.id, 'thumbnail')).rejects.toBeInstanceOf(NotFoundError);
	});
});
