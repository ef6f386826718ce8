// How much the database grows per thousand attachments (the README's figure): uploads 1,000
// logs and 1,000 screenshots through the real pipeline into a schema of its own on PostgreSQL,
// and prints the growth of the attachment tables against the bytes of the files themselves.
//   node tests/bench/attachment-growth.ts   (TEST_DATABASE_URL, default the local test database)
import { sql } from 'kysely';
import sharp from 'sharp';
import type { SessionUser } from '#server/auth/sessions.ts';
import type { Db } from '#server/db/schema.ts';
import { createPostgresTestDb } from '../helpers/db.ts';
import { upload } from '../helpers/attachments.ts';
import { asSessionUser, makeUser } from '../helpers/factories.ts';

const URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const N = 1000;
const TABLES = ['attachments', 'attachment_blobs', 'attachment_blob_chunks', 'attachment_usage'];

async function tableBytes(db: Db): Promise<number> {
	await sql`vacuum analyze`.execute(db).catch(() => undefined);
	let total = 0;
	for (const table of TABLES) {
		const row = await sql<{
			n: string;
		}>`select pg_total_relation_size(${table}::regclass)::text as n`.execute(db);
		total += Number(row.rows[0]!.n);
	}
	return total;
}

/**
 * A 1280 × 800 "screenshot", different each time: flat panels, text-like stripes and a product
 * photo (noise), about the 150-250 KB a real one takes as PNG.
 */
async function screenshot(i: number): Promise<Buffer> {
	const width = 1280;
	const height = 800;
	const pixels = Buffer.alloc(width * height * 3, 245);
	let seed = (i + 1) * 0x9e3779b1;
	const random = () => {
		seed ^= seed << 13;
		seed ^= seed >>> 17;
		seed ^= seed << 5;
		return seed & 255;
	};
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const o = (y * width + x) * 3;
			if (y < 60) pixels.fill(40 + (i % 50), o, o + 3);
			else if (x < 220) pixels.fill(230, o, o + 3);
			else if (x > 900 && y > 200 && x < 1180 && y < 420) {
				pixels[o] = random();
				pixels[o + 1] = random();
				pixels[o + 2] = random();
			} else if (y % 24 < 10 && (x * 7 + y * 13 + i) % 11 < 6) pixels.fill(60, o, o + 3);
		}
	}
	return sharp(pixels, { raw: { width, height, channels: 3 } })
		.png()
		.toBuffer();
}

function log(i: number): Buffer {
	const lines: string[] = [];
	for (let n = 0; lines.join('\n').length < 20_000; n++) {
		lines.push(
			`2026-12-04 10:${String(n % 60).padStart(2, '0')}:00 INFO request ${i}-${n} GET /catalog?page=${n} 200 ${n * 7} ms`,
		);
	}
	return Buffer.from(lines.join('\n'));
}

async function measure(
	db: Db,
	user: SessionUser,
	label: string,
	make: (i: number) => Promise<Buffer> | Buffer,
	name: string,
) {
	const before = await tableBytes(db);
	let fileBytes = 0;
	let storedBytes = 0;
	for (let i = 0; i < N; i++) {
		const data = await make(i);
		fileBytes += data.length;
		const [a] = await upload(db, user, [{ name, data }]);
		storedBytes += a!.size;
	}
	const growth = (await tableBytes(db)) - before;
	const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
	console.log(
		`${label}: ${N} files of ${mb(fileBytes)} MB as sent (${mb(storedBytes)} MB stored after re-encoding); tables grew ${mb(growth)} MB = ${((growth - storedBytes) / N / 1024).toFixed(1)} KB per attachment beyond the stored bytes`,
	);
}

const test = await createPostgresTestDb(URL);
try {
	const staff = asSessionUser(await makeUser(test.db, { role: 'staff' }));
	if (process.argv.includes('--logs'))
		await measure(test.db, staff, '20 KB logs', log, 'storefront.log');
	await measure(test.db, staff, '1280×800 PNG screenshots', screenshot, 'screenshot.png');
} finally {
	await test.close();
}
