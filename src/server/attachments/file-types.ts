/**
 * What a file is, from its bytes: `file-type` for binary formats, a UTF-8 check for text. The
 * name and the browser's claim never choose the type; the name only picks among text types once
 * the bytes are proven text, and a name that claims a binary format the bytes do not have is
 * refused rather than believed.
 */
import { fileTypeFromBuffer } from 'file-type';
import { messageRef } from '#i18n/message-ref.ts';
import { extensionOf } from './names.ts';

export interface StoredType {
	/** The Content-Type we store and serve. */
	mime: string;
	/** The extension a stored name ends in. */
	ext: string;
	/** What people read next to the file ("PNG image", "Log or text file"). */
	label: string;
	/** Re-encoded with a thumbnail, shown inline; everything else is a download. */
	image: boolean;
	/** Text: the name keeps its extension (`server.log.1`); binary files get `ext`. */
	text: boolean;
}

function type(mime: string, ext: string, label: string, image = false): StoredType {
	return { mime, ext, label, image, text: false };
}

function textType(mime: string, ext: string, label: string): StoredType {
	return { mime, ext, label, image: false, text: true };
}

const IMAGES = [
	type('image/png', 'png', 'PNG image', true),
	type('image/jpeg', 'jpg', 'JPEG image', true),
	type('image/webp', 'webp', 'WebP image', true),
	type('image/gif', 'gif', 'GIF image', true),
];

const OOXML = 'application/vnd.openxmlformats-officedocument';
const ODF = 'application/vnd.oasis.opendocument';
/** Binary formats, by the MIME type `file-type` reports. */
const BINARY: ReadonlyMap<string, StoredType> = new Map(
	[
		...IMAGES,
		type('application/pdf', 'pdf', 'PDF document'),
		type('application/zip', 'zip', 'ZIP archive'),
		type(`${OOXML}.wordprocessingml.document`, 'docx', 'Word document'),
		type(`${OOXML}.spreadsheetml.sheet`, 'xlsx', 'Excel spreadsheet'),
		type(`${OOXML}.presentationml.presentation`, 'pptx', 'PowerPoint presentation'),
		type(`${ODF}.text`, 'odt', 'OpenDocument text'),
		type(`${ODF}.spreadsheet`, 'ods', 'OpenDocument spreadsheet'),
		type(`${ODF}.presentation`, 'odp', 'OpenDocument presentation'),
	].map((t) => [t.mime, t]),
);

/** Old Office files share one container format (CFB); so do installers, which we refuse. */
const LEGACY_OFFICE: ReadonlyMap<string, StoredType> = new Map([
	['doc', type('application/msword', 'doc', 'Word document')],
	['xls', type('application/vnd.ms-excel', 'xls', 'Excel spreadsheet')],
	['ppt', type('application/vnd.ms-powerpoint', 'ppt', 'PowerPoint presentation')],
]);

const TEXT = textType('text/plain; charset=utf-8', 'txt', 'Text or log file');
const TEXT_BY_EXTENSION: ReadonlyMap<string, StoredType> = new Map([
	['csv', textType('text/csv; charset=utf-8', 'csv', 'CSV table')],
	['json', textType('application/json; charset=utf-8', 'json', 'JSON file')],
	['xml', textType('application/xml; charset=utf-8', 'xml', 'XML file')],
]);

/** Extensions of formats that are not plain text: text bytes under such a name are refused. */
const NOT_TEXT_EXTENSIONS = new Set([
	...[...BINARY.values()].map((t) => t.ext),
	...LEGACY_OFFICE.keys(),
	...'jpeg jfif tif tiff bmp ico avif heic svg svgz html htm xhtml shtml mht hta js mjs wasm swf exe dll msi bat cmd com scr ps1 vbs jar apk dmg iso gz tgz bz2 xz 7z rar'.split(
		' ',
	),
]);

/** Every extension a stored name may be given, so a wrong one is replaced, not doubled. */
export const KNOWN_EXTENSIONS: ReadonlySet<string> = new Set([
	...NOT_TEXT_EXTENSIONS,
	'txt',
	'log',
	...TEXT_BY_EXTENSION.keys(),
]);

/** Content types shown in the page (inline); every other one is sent as a download. */
export const INLINE_TYPES: ReadonlySet<string> = new Set(IMAGES.map((t) => t.mime));

/** For the file input's `accept` attribute (a hint to the browser; the server decides). */
export const ACCEPT_ATTRIBUTE = [
	...IMAGES.map((t) => t.mime),
	...[...BINARY.keys()].filter((m) => !m.startsWith('image/')),
	...[...LEGACY_OFFICE.values()].map((t) => t.mime),
	'text/plain',
	'.txt,.log,.csv,.json,.xml',
].join(',');

// A document whose first element is HTML or SVG: a browser would run its scripts.
const MARKUP_START_RE =
	/^(?:\ufeff)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+(?:html|svg)|html|svg|script|head|body|iframe|object|embed)[\s>/]/i;

export type Classification = { ok: true; type: StoredType } | { ok: false; reason: string };

export interface Sniffed {
	/** The first bytes of the file (a few KB is plenty: `file-type` reads headers). */
	head: Uint8Array;
	/** The whole file is valid UTF-8 without NUL bytes (see ./text-probe.ts). */
	isText: boolean;
	/** The sanitised name (for messages and to choose among text types). */
	name: string;
}

const refuse = (reason: string): Classification => ({ ok: false, reason });

/** The stored type of a file, or why it is refused (a message reference naming the file). */
export async function classifyFile({ head, isText, name }: Sniffed): Promise<Classification> {
	const ext = extensionOf(name);
	const detected = await fileTypeFromBuffer(head);
	if (detected?.mime === 'application/x-cfb') {
		const legacy = LEGACY_OFFICE.get(ext);
		return legacy ? { ok: true, type: legacy } : refuse(notAllowed(name));
	}
	if (detected?.mime === 'application/xml') {
		if (!isText) return refuse(notAllowed(name));
		if (isMarkup(head)) return refuse(markupRefusal(name));
		return { ok: true, type: TEXT_BY_EXTENSION.get('xml')! };
	}
	if (detected) {
		const known = BINARY.get(detected.mime);
		return known ? { ok: true, type: known } : refuse(notAllowed(name, detected.ext.toUpperCase()));
	}
	if (!isText) return refuse(notAllowed(name));
	if (isMarkup(head)) return refuse(markupRefusal(name));
	if (NOT_TEXT_EXTENSIONS.has(ext)) {
		return refuse(messageRef('attachments.errors.textNamedBinary', { name, ext }));
	}
	return { ok: true, type: TEXT_BY_EXTENSION.get(ext) ?? TEXT };
}

function isMarkup(head: Uint8Array): boolean {
	const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, 4096));
	return MARKUP_START_RE.test(text);
}

function markupRefusal(name: string): string {
	return messageRef('attachments.errors.markup', { name });
}

function notAllowed(name: string, format?: string): string {
	return format
		? messageRef('attachments.errors.format', { name, format })
		: messageRef('attachments.errors.unknownKind', { name });
}

/** The extension that names a stored content type in messages (`attachments.type.<ext>`). */
export function typeKeyOf(contentType: string): string {
	for (const t of [
		...BINARY.values(),
		...LEGACY_OFFICE.values(),
		TEXT,
		...TEXT_BY_EXTENSION.values(),
	])
		if (t.mime === contentType) return t.ext;
	return 'other';
}
