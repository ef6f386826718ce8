import { describe, expect, it } from 'vitest';
import {
	contentDisposition,
	extensionOf,
	MAX_NAME_LENGTH,
	sanitizeFileName,
	withExtension,
} from '#server/attachments/names.ts';

describe('sanitizeFileName', () => {
	it('keeps an ordinary name as it is', () => {
		expect(sanitizeFileName('Screenshot 2026-12-04 at 10.15.png')).toBe(
			'Screenshot 2026-12-04 at 10.15.png',
		);
		expect(sanitizeFileName('журнал ошибок.log')).toBe('журнал ошибок.log');
	});

	it('drops directories, both Unix and Windows ones', () => {
		expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
		expect(sanitizeFileName('..\\..\\windows\\win.ini')).toBe('win.ini');
		expect(sanitizeFileName('/abs/path/report.pdf')).toBe('report.pdf');
	});

	it('never leaves a name that is only dots', () => {
		for (const raw of ['..', '.', '../', '...', '', '   ', undefined, null]) {
			expect(sanitizeFileName(raw)).toBe('file');
		}
		expect(sanitizeFileName('.htaccess')).toBe('htaccess');
	});

	it('removes NUL and other control characters, so a name cannot cut a header', () => {
		expect(sanitizeFileName('shot.png\u0000.html')).toBe('shot.png.html');
		expect(sanitizeFileName('a\r\nSet-Cookie: x=1.txt')).toBe('aSet-Cookie_ x=1.txt');
		expect(sanitizeFileName('tab\there\u007f\u0085.log')).toBe('tabhere.log');
	});

	it('removes bidi overrides that make an .exe read as a .pdf', () => {
		const name = sanitizeFileName('invoice\u202efdp.exe');
		expect(name).toBe('invoicefdp.exe');
		expect(extensionOf(name)).toBe('exe');
		expect(sanitizeFileName('a\u2066b\u2069c\u200bd\ufeff.txt')).toBe('abcd.txt');
	});

	it('replaces characters Windows refuses and quotes', () => {
		expect(sanitizeFileName('what?"<x>|*:.txt')).toBe('what___x____.txt');
	});

	it('renames Windows device names', () => {
		expect(sanitizeFileName('CON.txt')).toBe('_CON.txt');
		expect(sanitizeFileName('nul')).toBe('_nul');
	});

	it('cuts a 300-character name to the limit and keeps its extension', () => {
		const name = sanitizeFileName(`${'a'.repeat(300)}.log`);
		expect(Array.from(name)).toHaveLength(MAX_NAME_LENGTH);
		expect(name.endsWith('.log')).toBe(true);
	});

	it('cuts by characters, never inside an emoji', () => {
		const name = sanitizeFileName('😀'.repeat(200));
		expect(Array.from(name)).toHaveLength(MAX_NAME_LENGTH);
		expect(name).toBe('😀'.repeat(MAX_NAME_LENGTH));
	});
});

describe('withExtension', () => {
	const known = new Set(['png', 'jpg', 'txt', 'zip']);
	it('replaces a wrong known extension', () => {
		expect(withExtension('bomb.txt', 'zip', known)).toBe('bomb.zip');
		expect(withExtension('photo.png', 'jpg', known)).toBe('photo.jpg');
	});
	it('keeps a right one, and jpeg for jpg', () => {
		expect(withExtension('photo.jpeg', 'jpg', known)).toBe('photo.jpeg');
		expect(withExtension('a.zip', 'zip', known)).toBe('a.zip');
	});
	it('appends after an unknown one', () => {
		expect(withExtension('server.log.1', 'txt', known)).toBe('server.log.1.txt');
		expect(withExtension('README', 'txt', known)).toBe('README.txt');
	});
});

describe('contentDisposition', () => {
	it('sends an ASCII fallback and the UTF-8 name', () => {
		expect(contentDisposition('attachment', 'журнал "1".log')).toBe(
			`attachment; filename="______ _1_.log"; filename*=UTF-8''%D0%B6%D1%83%D1%80%D0%BD%D0%B0%D0%BB%20%221%22.log`,
		);
	});
	it('escapes what RFC 8187 does not allow bare', () => {
		expect(contentDisposition('inline', "it's (1)*.png")).toBe(
			`inline; filename="it's (1)*.png"; filename*=UTF-8''it%27s%20%281%29%2A.png`,
		);
	});
});
