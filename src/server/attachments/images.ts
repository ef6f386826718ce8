/**
 * Images are decoded and written again by `sharp` (libvips): what we store is a fresh PNG, JPEG,
 * WebP or GIF without metadata (EXIF, GPS, comments: sharp keeps none unless asked), turned
 * upright from its EXIF orientation first, plus a small WebP thumbnail.
 */
import sharp, { type Metadata, type Sharp } from 'sharp';
import { messageRef } from '#i18n/message-ref.ts';
import { UPLOAD_LIMITS } from './limits.ts';

// NOTE: two cores shared with the database: one libvips thread per image, and no operation cache
// (it would keep decoded images in memory between requests).
sharp.concurrency(1);
sharp.cache(false);

export interface ProcessedImage {
	/** The re-encoded image, written to `outputPath`. */
	width: number;
	height: number;
	thumbnail: { data: Buffer; width: number; height: number };
}

export type ImageResult = { ok: true; image: ProcessedImage } | { ok: false; reason: string };

const FORMAT_OF: Record<string, 'png' | 'jpeg' | 'webp' | 'gif'> = {
	'image/png': 'png',
	'image/jpeg': 'jpeg',
	'image/webp': 'webp',
	'image/gif': 'gif',
};

/**
 * Checks the image's size from its header (no pixels decoded), then re-encodes `inputPath` to
 * `outputPath` and makes a thumbnail. Refuses images over UPLOAD_LIMITS.imagePixels and files
 * libvips cannot decode, with a sentence naming `name`.
 */
export async function processImage(
	inputPath: string,
	outputPath: string,
	mime: string,
	name: string,
): Promise<ImageResult> {
	const format = FORMAT_OF[mime];
	if (!format) throw new Error(`processImage: ${mime} is not an image type`);
	const animated = format === 'gif' || format === 'webp';
	const limitInputPixels = UPLOAD_LIMITS.imagePixels;
	let metadata: Metadata;
	try {
		metadata = await sharp(inputPath, { animated, limitInputPixels: false }).metadata();
	} catch {
		return unreadable(name);
	}
	const width = metadata.width ?? 0;
	const height = metadata.pageHeight ?? metadata.height ?? 0;
	const pixels = width * height * (metadata.pages ?? 1);
	if (!width || !height) return unreadable(name);
	if (pixels > limitInputPixels) {
		return {
			ok: false,
			reason: messageRef('attachments.errors.imagePixels', {
				name,
				width: String(width),
				height: String(height * (metadata.pages ?? 1)),
				max: limitInputPixels / 1_000_000,
			}),
		};
	}
	try {
		const input = { animated, limitInputPixels, failOn: 'error' as const };
		const encoded = sharp(inputPath, input).autoOrient();
		const info = await encodeAs(encoded, format).toFile(outputPath);
		const side = UPLOAD_LIMITS.thumbnailSize;
		const thumb = await sharp(inputPath, { limitInputPixels, failOn: 'error' })
			.autoOrient()
			.resize(side, side, { fit: 'inside', withoutEnlargement: true })
			.webp({ quality: 75 })
			.toBuffer({ resolveWithObject: true });
		return {
			ok: true,
			image: {
				width: info.width,
				height: info.pageHeight ?? info.height,
				thumbnail: { data: thumb.data, width: thumb.info.width, height: thumb.info.height },
			},
		};
	} catch {
		return unreadable(name);
	}
}

function encodeAs(image: Sharp, format: 'png' | 'jpeg' | 'webp' | 'gif'): Sharp {
	switch (format) {
		case 'png':
			return image.png({ compressionLevel: 6 });
		case 'jpeg':
			return image.jpeg({ quality: 88 });
		case 'webp':
			return image.webp({ quality: 88 });
		case 'gif':
			return image.gif();
	}
}

function unreadable(name: string): ImageResult {
	return { ok: false, reason: messageRef('attachments.errors.imageUnreadable', { name }) };
}
