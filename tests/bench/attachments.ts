// The attachment part of `npm run bench`: a 5 MB image uploaded and a 5 MB file downloaded at
// 10 connections (MB/s and the server's peak RSS), and thumbnails on the 20-post topic page, whose
// page target then measures it with 20 thumbnails (issue 17).
import autocannon from 'autocannon';
import sharp from 'sharp';
import type { Db } from '#server/db/schema.ts';
import { sampleRss } from './measure.ts';

const MB = 1024 * 1024;

export interface TransferResult {
	name: string;
	requests: number;
	mbPerSecond: number;
	p50: number;
	p99: number;
	rss: number;
	non2xx: number;
	errors: number;
}

/** A PNG of about 5 MB (noise does not compress), different for each `seed`. */
export async function fiveMegabyteImage(seed = 1): Promise<Buffer> {
	const width = 1300;
	const height = 1300;
	const pixels = Buffer.alloc(width * height * 3);
	let x = seed * 0x9e3779b1;
	for (let i = 0; i < pixels.length; i++) {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		pixels[i] = x & 255;
	}
	return sharp(pixels, { raw: { width, height, channels: 3 } })
		.png({ compressionLevel: 1 })
		.toBuffer();
}

function multipart(name: string, data: Buffer): { body: Buffer; contentType: string } {
	const boundary = 'benchboundary';
	return {
		body: Buffer.concat([
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
			),
			data,
			Buffer.from(`\r\n--${boundary}--\r\n`),
		]),
		contentType: `multipart/form-data; boundary=${boundary}`,
	};
}

async function run(options: {
	name: string;
	base: string;
	pid: number;
	seconds: number;
	connections: number;
	request: autocannon.Request;
	headers: Record<string, string>;
	bytesPerRequest: number;
}): Promise<TransferResult> {
	const times: number[] = [];
	const rss = sampleRss(options.pid);
	const instance = autocannon({
		url: options.base,
		connections: options.connections,
		duration: options.seconds,
		headers: options.headers,
		requests: [options.request],
	}) as unknown as autocannon.Instance & Promise<autocannon.Result>;
	instance.on('response', (_c: unknown, _s: number, _b: number, ms: number) => times.push(ms));
	const result = await instance;
	times.sort((a, b) => a - b);
	const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] ?? 0;
	const ok = times.length - result.non2xx;
	return {
		name: options.name,
		requests: times.length,
		mbPerSecond: Math.round(((ok * options.bytesPerRequest) / MB / options.seconds) * 10) / 10,
		p50: Math.round(at(0.5)),
		p99: Math.round(at(0.99)),
		rss: rss.stop(),
		non2xx: result.non2xx,
		errors: result.errors + result.timeouts,
	};
}

/**
 * Uploads (POST /api/attachments) then downloads a 5 MB file at `connections`, as the staff
 * account of `cookie` (no monthly limit).
 */
export async function benchTransfers(options: {
	log: (line: string) => void;
	base: string;
	pid: number;
	cookie: string;
	seconds: number;
	connections: number;
}): Promise<TransferResult[]> {
	const headers = { cookie: options.cookie, origin: options.base };
	const image = await fiveMegabyteImage();
	const upload = multipart('screenshot.png', image);
	const uploaded = await run({
		...options,
		name: 'upload 5 MB image',
		headers: { ...headers, 'content-type': upload.contentType },
		request: { method: 'POST', path: '/api/attachments', body: upload.body },
		bytesPerRequest: image.length,
	});
	options.log(
		`  upload 5 MB image: ${uploaded.mbPerSecond} MB/s, ${uploaded.requests} requests (${uploaded.non2xx} non-2xx, ${uploaded.errors} errors), p50 ${uploaded.p50} ms, RSS ${uploaded.rss} MiB`,
	);
	// A 5 MB download: a ZIP-like blob of noise (stored as it is, no re-encoding).
	const zip = Buffer.concat([Buffer.from('PK\x03\x04'), image.subarray(4, 5 * MB)]);
	const res = await fetch(`${options.base}/api/attachments`, {
		method: 'POST',
		headers: { ...headers, 'content-type': multipart('export.zip', zip).contentType },
		body: new Uint8Array(multipart('export.zip', zip).body),
	});
	const file = ((await res.json()) as { files?: { url: string }[] }).files?.[0];
	if (!file) throw new Error(`upload for the download bench failed: ${res.status}`);
	const downloaded = await run({
		...options,
		name: 'download 5 MB file',
		headers,
		request: { method: 'GET', path: file.url },
		bytesPerRequest: zip.length,
	});
	return [uploaded, downloaded];
}

/**
 * Puts an uploaded image on each of the first 20 posts of `topicId` (the page target's topic), so
 * its page shows 20 thumbnails. `attachmentId` is a pending image uploaded for it.
 */
export async function attachThumbnails(
	db: Db,
	topicId: string,
	attachmentId: string,
): Promise<number> {
	const source = await db
		.selectFrom('attachments')
		.selectAll()
		.where('id', '=', attachmentId)
		.executeTakeFirstOrThrow();
	const posts = await db
		.selectFrom('forum_posts')
		.select('id')
		.where('topic_id', '=', topicId)
		.orderBy('created_at')
		.limit(20)
		.execute();
	for (const post of posts) {
		const { id: _id, ...copy } = source;
		await db
			.insertInto('attachments')
			.values({ ...copy, forum_post_id: post.id, attached_at: new Date() } as never)
			.execute();
	}
	return posts.length;
}
