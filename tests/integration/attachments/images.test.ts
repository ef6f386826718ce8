// Images through sharp (temporary files, no database).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { processImage } from '#server/attachments/images.ts';
import { english } from '../../helpers/attachments.ts';
import { makeJpegWithExif, makePng, makePngBomb } from '../../helpers/files.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'images-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function write(data: Buffer): { input: string; output: string } {
	n += 1;
	const input = path.join(dir, `in-${n}`);
	fs.writeFileSync(input, data);
	return { input, output: path.join(dir, `out-${n}`) };
}

describe('processImage', () => {
	it('re-encodes a PNG and makes a WebP thumbnail at most 320 px wide', async () => {
		const { input, output } = write(await makePng(1200, 800));
		const result = await processImage(input, output, 'image/png', 'shot.png');
		if (!result.ok) throw new Error(result.reason);
		expect(result.image).toMatchObject({ width: 1200, height: 800 });
		expect(result.image.thumbnail).toMatchObject({ width: 320, height: 213 });
		expect((await sharp(result.image.thumbnail.data).metadata()).format).toBe('webp');
		expect((await sharp(output).metadata()).format).toBe('png');
	});

	it('strips EXIF (camera, author) from a JPEG', async () => {
		const jpeg = await makeJpegWithExif();
		expect((await sharp(jpeg).metadata()).exif).toBeDefined();
		const { input, output } = write(jpeg);
		const result = await processImage(input, output, 'image/jpeg', 'photo.jpg');
		expect(result.ok).toBe(true);
		const stored = fs.readFileSync(output);
		expect((await sharp(stored).metadata()).exif).toBeUndefined();
		expect(stored.includes(Buffer.from('Secret Phone'))).toBe(false);
		expect(stored.includes(Buffer.from('Jane Customer'))).toBe(false);
	});

	it('refuses a 50,000 × 50,000 PNG from its header, without decoding it', async () => {
		const bomb = makePngBomb();
		expect(bomb.length).toBeLessThan(2_000);
		const { input, output } = write(bomb);
		const rss = process.memoryUsage().rss;
		const result = await processImage(input, output, 'image/png', 'bomb.png');
		if (result.ok) throw new Error('accepted');
		expect(english(result.reason)).toBe(
			'“bomb.png” is 50000 × 50000 pixels: images may have at most 40 megapixels.',
		);
		// Decoding would take 7.5 GB; reading the header takes nothing worth measuring.
		expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
		expect(fs.existsSync(output)).toBe(false);
	});

	it('refuses a damaged image with a clear reason', async () => {
		const png = await makePng(200, 200);
		const { input, output } = write(png.subarray(0, 120));
		const result = await processImage(input, output, 'image/png', 'cut.png');
		if (result.ok) throw new Error('accepted');
		expect(english(result.reason)).toMatch(/could not be read/);
	});
});
