/**
 * Reads a `multipart/form-data` body as it arrives: text fields into memory (small, bounded),
 * files straight to temporary files while their size, SHA-256, first bytes and "is it text" are
 * worked out on the way. Memory stays flat whatever the body claims: a file over its limit, or
 * a body over the message limit, stops the reading there with ContentTooLargeError (413).
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { AppError, BadRequestError, ContentTooLargeError } from '#server/errors.ts';
import { messageRef } from '#i18n/message-ref.ts';
import { isBodyTooLarge } from '#server/http/limits.ts';
import { FORM_OVERHEAD_BYTES, megabytes, UPLOAD_LIMITS } from './limits.ts';
import { sanitizeFileName } from './names.ts';
import { TextProbe } from './text-probe.ts';

/** The form field that carries files. */
export const FILE_FIELD = 'attachments';
/** Bytes of each file kept in memory for type detection. */
export const HEAD_BYTES = 64 * 1024;
const MAX_FIELD_BYTES = 256 * 1024;
const MAX_FIELDS = 50;
/**
 * After a limit is hit, the rest of a body up to this size is read and dropped so that a browser
 * still sees the 413 page; a larger remainder is cut off (the connection closes).
 */
const DISCARD_BYTES = 16 * 1024 * 1024;

export interface ReceivedFile {
	/** Sanitised (./names.ts). */
	name: string;
	/** The temporary file holding the bytes as sent. */
	path: string;
	size: number;
	sha256: string;
	/** The first HEAD_BYTES bytes. */
	head: Uint8Array;
	/** Valid UTF-8 without NUL bytes, and not empty. */
	isText: boolean;
}

export interface MultipartForm {
	/** Text fields by name, in order; a field sent twice has two values. */
	fields: Map<string, string[]>;
	files: ReceivedFile[];
	/** Removes the temporary files (call once done with them, also after an error). */
	dispose(): Promise<void>;
}

export interface MultipartLimits {
	fileBytes: number;
	messageBytes: number;
	filesPerMessage: number;
}

/**
 * Parses `body` (the raw request body) under `contentType`.
 * @throws BadRequestError for a body that is not multipart, has no boundary, is malformed or cut
 *   off, or has too many files or fields; ContentTooLargeError (field `attachments`) over a
 *   file's or the message's size limit. Temporary files are removed before it throws.
 */
export async function readMultipart(
	contentType: string | null,
	body: AsyncIterable<Uint8Array> | null,
	limits: MultipartLimits = UPLOAD_LIMITS,
): Promise<MultipartForm> {
	if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) {
		throw new BadRequestError(messageRef('attachments.errors.notMultipart'));
	}
	if (!body) throw new BadRequestError(messageRef('attachments.errors.emptyForm'));
	let parser: busboy.Busboy;
	try {
		parser = busboy({
			headers: { 'content-type': contentType },
			defParamCharset: 'utf8',
			limits: {
				fieldSize: MAX_FIELD_BYTES,
				fields: MAX_FIELDS,
				files: limits.filesPerMessage,
				parts: MAX_FIELDS + limits.filesPerMessage,
			},
		});
	} catch {
		throw new BadRequestError(messageRef('attachments.errors.noBoundary'));
	}
	const reading = new FormReading(parser, limits);
	try {
		await reading.feed(body);
		return reading.result();
	} catch (error) {
		await reading.dispose();
		throw error;
	}
}

class FormReading {
	readonly #parser: busboy.Busboy;
	readonly #limits: MultipartLimits;
	readonly #fields = new Map<string, string[]>();
	readonly #files: ReceivedFile[] = [];
	readonly #writes: Promise<void>[] = [];
	#dir: Promise<string> | undefined;
	#failure: AppError | undefined;
	#fileBytes = 0;
	#closed: Promise<unknown>;
	#signalFailure: () => void = () => undefined;
	readonly #failed = new Promise<void>((resolve) => (this.#signalFailure = resolve));

	constructor(parser: busboy.Busboy, limits: MultipartLimits) {
		this.#parser = parser;
		this.#limits = limits;
		this.#closed = once(parser, 'close').catch(() => undefined);
		parser.on('field', (name, value, info) => {
			if (info.valueTruncated) {
				this.fail(
					new ContentTooLargeError(
						messageRef('attachments.errors.fieldTooLong', { name: name.slice(0, 40) }),
					),
				);
				return;
			}
			const values = this.#fields.get(name) ?? [];
			values.push(value);
			this.#fields.set(name, values);
		});
		parser.on('file', (name, stream, info) => {
			// NOTE: destroying the parser destroys the file stream it is writing with an error; the
			// failure that caused it is recorded already.
			stream.on('error', () => undefined);
			if (name !== FILE_FIELD || this.#failure) {
				stream.resume();
				return;
			}
			this.#writes.push(this.receive(stream, info.filename, this.#writes.length));
		});
		parser.on('filesLimit', () => this.fail(tooManyFiles(limits.filesPerMessage)));
		parser.on('fieldsLimit', () =>
			this.fail(new BadRequestError(messageRef('attachments.errors.tooManyFields'))),
		);
		parser.on('partsLimit', () =>
			this.fail(new BadRequestError(messageRef('attachments.errors.tooManyFields'))),
		);
		parser.on('error', () =>
			this.fail(new BadRequestError(messageRef('attachments.errors.unreadableForm'))),
		);
	}

	fail(error: AppError): void {
		this.#failure ??= error;
		this.#signalFailure();
	}

	async feed(body: AsyncIterable<Uint8Array>): Promise<void> {
		const bodyLimit = this.#limits.messageBytes + FORM_OVERHEAD_BYTES;
		let received = 0;
		let discarded = 0;
		try {
			for await (const chunk of body) {
				received += chunk.byteLength;
				if (!this.#failure && received > bodyLimit) this.fail(messageTooLarge(this.#limits));
				if (this.#failure) {
					// Dropped unread; past DISCARD_BYTES we stop listening (the socket closes).
					discarded += chunk.byteLength;
					if (discarded > DISCARD_BYTES) break;
					continue;
				}
				if (!this.#parser.write(chunk)) await this.drained();
			}
		} catch (error) {
			if (isBodyTooLarge(error)) this.fail(messageTooLarge(this.#limits));
			else this.fail(new BadRequestError(messageRef('attachments.errors.interrupted')));
		}
		if (!this.#failure) this.#parser.end();
		else this.#parser.destroy();
		await Promise.all(this.#writes);
		if (!this.#failure) await this.#closed;
		if (this.#failure) throw this.#failure;
	}

	/** Waits until the parser takes more, or a failure stops the reading. */
	async drained(): Promise<void> {
		let done = () => undefined as void;
		const ready = new Promise<void>((resolve) => (done = resolve));
		this.#parser.once('drain', done);
		this.#parser.once('close', done);
		// NOTE: a failing file stream stops reading: the parser would never drain again.
		await Promise.race([ready, this.#failed]);
		this.#parser.off('drain', done);
		this.#parser.off('close', done);
	}

	async receive(stream: NodeJS.ReadableStream, rawName: string | undefined, index: number) {
		const name = sanitizeFileName(rawName);
		const file = path.join(await this.dir(), String(index));
		const hash = createHash('sha256');
		const probe = new TextProbe();
		const head: Buffer[] = [];
		let headBytes = 0;
		let size = 0;
		const limits = this.#limits;
		const counter = new Writable({
			write: (chunk: Buffer, _encoding, callback) => {
				size += chunk.byteLength;
				this.#fileBytes += chunk.byteLength;
				if (size > limits.fileBytes) {
					this.fail(fileTooLarge(name, limits.fileBytes));
				} else if (this.#fileBytes > limits.messageBytes) {
					this.fail(messageTooLarge(limits));
				}
				if (this.#failure) return callback(this.#failure);
				hash.update(chunk);
				probe.push(chunk);
				if (headBytes < HEAD_BYTES) {
					const part = chunk.subarray(0, HEAD_BYTES - headBytes);
					head.push(Buffer.from(part));
					headBytes += part.byteLength;
				}
				if (outFailed) return callback(new Error('temporary file not writable'));
				out.write(chunk, (error) => callback(error ?? null));
			},
		});
		const out = fs.createWriteStream(file);
		// NOTE: a client that goes away mid-upload destroys the pipeline while a write is pending;
		// the stream then reports an error nobody else listens for (it would end the process).
		let outFailed = false;
		out.on('error', () => {
			outFailed = true;
		});
		try {
			await pipeline(stream, counter);
			await new Promise<void>((resolve, reject) =>
				out.end((error?: Error | null) => (error ? reject(error) : resolve())),
			);
		} catch {
			// The failure that stopped it is recorded; the part's remaining bytes are dropped.
			out.destroy();
			return;
		}
		// A file input left empty still sends a part with no name and no bytes.
		if (size === 0 && !rawName) return;
		this.#files[index] = {
			name,
			path: file,
			size,
			sha256: hash.digest('hex'),
			head: Buffer.concat(head),
			isText: probe.end(size),
		};
	}

	dir(): Promise<string> {
		this.#dir ??= fs.promises.mkdtemp(path.join(os.tmpdir(), 'ot-upload-'));
		return this.#dir;
	}

	result(): MultipartForm {
		// Sparse where an empty file input was skipped; in the order the files were sent.
		const files = this.#files.filter((file) => file !== undefined);
		return { fields: this.#fields, files, dispose: () => this.dispose() };
	}

	async dispose(): Promise<void> {
		const dir = this.#dir;
		this.#dir = undefined;
		if (dir) await fs.promises.rm(await dir, { recursive: true, force: true });
	}
}

/** 413 for a file over its limit. */
export function fileTooLarge(name: string, limit: number): ContentTooLargeError {
	return new ContentTooLargeError(
		messageRef('attachments.errors.fileTooLarge', { name, limit: megabytes(limit) }),
		{ attachments: messageRef('attachments.field.eachAtMost', { limit: megabytes(limit) }) },
	);
}

/** 413 for files adding up to more than a message may have. */
export function messageTooLarge(
	limits: Pick<MultipartLimits, 'messageBytes'>,
): ContentTooLargeError {
	const limit = megabytes(limits.messageBytes);
	return new ContentTooLargeError(messageRef('attachments.errors.messageTooLarge', { limit }), {
		attachments: messageRef('attachments.field.inAll', { limit }),
	});
}

/** 400 for more files than a message may have. */
export function tooManyFiles(max: number): BadRequestError {
	return new BadRequestError(messageRef('attachments.errors.tooManyFiles', { max }), {
		attachments: messageRef('attachments.field.tooManyFiles', { max }),
	});
}
