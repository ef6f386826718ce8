/**
 * File names as people gave them, made safe to store, show and send back in a
 * Content-Disposition header. The name never decides a file's type (see ./file-types.ts).
 */

/** Longest stored name, in characters (the extension is kept when a name is cut). */
export const MAX_NAME_LENGTH = 150;
const MAX_EXTENSION_LENGTH = 16;
const FALLBACK_NAME = 'file';

// C0 and C1 controls, DEL.
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/g;
// NOTE: bidi overrides and isolates turn `invoice‮fdp.exe` into what reads as `invoiceexe.pdf`;
// zero-width characters and the BOM hide text. https://unicode.org/reports/tr9/
const INVISIBLE_RE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;
// Characters Windows refuses in names, and the quote and backslash of header quoting.
const RESERVED_RE = /[<>:"|?*]/g;
const WINDOWS_DEVICE_RE = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/**
 * A name without directories, controls, bidi or invisible characters, leading dots or trailing
 * dots and spaces, at most MAX_NAME_LENGTH characters; `file` when nothing is left.
 */
export function sanitizeFileName(raw: string | undefined | null): string {
	let name = (raw ?? '').normalize('NFC').replace(CONTROL_RE, '').replace(INVISIBLE_RE, '');
	// Both separators: a name typed on Windows arrives with backslashes.
	name = name.split(/[/\\]/).pop() ?? '';
	name = name.replace(RESERVED_RE, '_').replace(/\s+/g, ' ');
	name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
	if (WINDOWS_DEVICE_RE.test(name)) name = `_${name}`;
	return truncateName(name || FALLBACK_NAME);
}

/** The lowercase extension without its dot (`png` for `Shot.PNG`), or '' when there is none. */
export function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	if (dot <= 0 || dot === name.length - 1) return '';
	const ext = name.slice(dot + 1).toLowerCase();
	return ext.length <= MAX_EXTENSION_LENGTH ? ext : '';
}

/** `name` ending in `.ext`: a different known extension is replaced, an unknown one kept. */
export function withExtension(name: string, ext: string, known: ReadonlySet<string>): string {
	const current = extensionOf(name);
	if (current === ext || (ext === 'jpg' && current === 'jpeg')) return name;
	const base = known.has(current) ? name.slice(0, name.length - current.length - 1) : name;
	return truncateName(`${base || FALLBACK_NAME}.${ext}`);
}

/** Cuts by code points (never inside a surrogate pair), keeping the extension. */
function truncateName(name: string): string {
	const chars = Array.from(name);
	if (chars.length <= MAX_NAME_LENGTH) return name;
	const ext = extensionOf(name);
	if (!ext) return chars.slice(0, MAX_NAME_LENGTH).join('').trimEnd();
	const keep = MAX_NAME_LENGTH - ext.length - 1;
	return `${chars.slice(0, keep).join('').trimEnd()}.${ext}`;
}

/**
 * `Content-Disposition` for `name`: an ASCII fallback plus the UTF-8 name (RFC 6266, RFC 8187).
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
	const encoded = encodeURIComponent(name).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	);
	return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
