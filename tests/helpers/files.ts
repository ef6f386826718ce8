/**
 * Files made in the test, hostile ones included: nothing is checked in, every byte is built here.
 */
import zlib from 'node:zlib';
import sharp from 'sharp';

/** A real PNG of `width` × `height` pixels (a gradient, so it does not compress to nothing). */
export async function makePng(width = 64, height = 48): Promise<Buffer> {
	const pixels = Buffer.alloc(width * height * 3);
	for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7) % 251;
	return sharp(pixels, { raw: { width, height, channels: 3 } })
		.png()
		.toBuffer();
}

/** A JPEG carrying EXIF (camera, author, copyright), as phones write them. */
export async function makeJpegWithExif(): Promise<Buffer> {
	return sharp({ create: { width: 40, height: 30, channels: 3, background: '#3366aa' } })
		.jpeg()
		.withExif({
			IFD0: { Make: 'PhoneMaker', Model: 'Secret Phone 12', Artist: 'Jane Customer' },
		})
		.toBuffer();
}

function crc32(data: Buffer): number {
	return zlib.crc32(data) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'ascii');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])), 0);
	return Buffer.concat([head, data, crc]);
}

/**
 * A PNG whose header claims `width` × `height` pixels (50,000 × 50,000 is 10 GB decoded) with a
 * few bytes of image data: a decompression bomb in a few hundred bytes.
 */
export function makePngBomb(width = 50_000, height = 50_000): Buffer {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 2; // truecolour
	const rows = zlib.deflateSync(Buffer.alloc(64 * 1024));
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', ihdr),
		pngChunk('IDAT', rows),
		pngChunk('IEND', Buffer.alloc(0)),
	]);
}

/** A ZIP archive (deflated entries), written by hand. */
export function makeZip(entries: [name: string, data: Buffer][]): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const [name, data] of entries) {
		const fileName = Buffer.from(name);
		const compressed = zlib.deflateRawSync(data, { level: 9 });
		const crc = crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(8, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(compressed.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(fileName.length, 26);
		locals.push(local, fileName, compressed);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(8, 10);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(compressed.length, 20);
		central.writeUInt32LE(data.length, 24);
		central.writeUInt16LE(fileName.length, 28);
		central.writeUInt32LE(offset, 42);
		centrals.push(central, fileName);
		offset += 30 + fileName.length + compressed.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}

/**
 * A ZIP bomb: 64 MB of zeros in a few tens of KB, as the first entry that type detection would
 * want to open (`[Content_Types].xml`, which marks Office files).
 */
export function makeZipBomb(): Buffer {
	return makeZip([['[Content_Types].xml', Buffer.alloc(64 * 1024 * 1024)]]);
}

/** A minimal Word document (what file-type needs to call it one). */
export function makeDocx(): Buffer {
	const types =
		'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
	return makeZip([
		['[Content_Types].xml', Buffer.from(types)],
		['word/document.xml', Buffer.from('<w:document/>')],
	]);
}

/** A PDF that is also an HTML page with a script. */
export function makePolyglotPdf(): Buffer {
	return Buffer.from(
		'%PDF-1.4\n%<html><body><script>document.title="pwned"</script></body></html>\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n',
	);
}

export const HTML_PAGE = Buffer.from(
	'<!DOCTYPE html><html><body><script>fetch("/account")</script></body></html>',
);
export const SVG_WITH_SCRIPT = Buffer.from(
	'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
);
export const SVG_WITH_XML_DECLARATION = Buffer.from(
	'<?xml version="1.0" encoding="UTF-8"?>\n<!-- drawn by hand -->\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
);
export const LOG_FILE = Buffer.from(
	'2026-12-04 10:00:01 INFO  storefront started\n2026-12-04 10:00:02 ERROR OT API Key rejected: 401 — ключ не найден\n',
);

export interface Part {
	name: string;
	value?: string;
	filename?: string;
	type?: string;
	data?: Buffer;
}

/** A multipart/form-data body and its content type. */
export function multipartBody(
	parts: Part[],
	boundary = `----test${Math.random().toString(36).slice(2)}`,
): { body: Buffer; contentType: string } {
	const pieces: Buffer[] = [];
	for (const part of parts) {
		const disposition =
			part.filename === undefined
				? `form-data; name="${part.name}"`
				: `form-data; name="${part.name}"; filename="${part.filename}"`;
		const headers = [`Content-Disposition: ${disposition}`];
		if (part.filename !== undefined)
			headers.push(`Content-Type: ${part.type ?? 'application/octet-stream'}`);
		pieces.push(Buffer.from(`--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n`));
		pieces.push(part.data ?? Buffer.from(part.value ?? ''));
		pieces.push(Buffer.from('\r\n'));
	}
	pieces.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(pieces), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** `body` as a stream of `chunkSize`-byte pieces, the way a socket delivers it. */
export async function* chunked(body: Buffer, chunkSize = 64 * 1024): AsyncIterable<Uint8Array> {
	for (let offset = 0; offset < body.length; offset += chunkSize) {
		yield body.subarray(offset, offset + chunkSize);
	}
}

/** A body that claims to go on forever: `total` bytes of one file part, never finished in memory. */
export async function* endlessFileBody(
	boundary: string,
	total: number,
	chunkSize = 256 * 1024,
): AsyncIterable<Uint8Array> {
	yield Buffer.from(
		`--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="huge.log"\r\nContent-Type: text/plain\r\n\r\n`,
	);
	const chunk = Buffer.alloc(chunkSize, 'a');
	for (let sent = 0; sent < total; sent += chunkSize) yield chunk;
	yield Buffer.from(`\r\n--${boundary}--\r\n`);
}
