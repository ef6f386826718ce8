import { describe, expect, it } from 'vitest';
import { isExternalUrl, isSafeUrl, originOf } from '#server/markdown/urls.ts';

describe('isSafeUrl', () => {
	it.each([
		'https://example.org/a?b=c#d',
		'http://example.org',
		'mailto:help@example.com',
		'/manuals/intro',
		'../relative',
		'page.html',
		'#fragment',
		'?query=1',
		'//example.org/protocol-relative',
	])('allows %s as a link', (url) => {
		expect(isSafeUrl(url, 'link')).toBe(true);
	});

	it.each([
		'javascript:alert(1)',
		'JaVaScRiPt:alert(1)',
		' javascript:alert(1)',
		'\u0001javascript:alert(1)',
		'java\tscript:alert(1)',
		'java\nscript:alert(1)',
		'java%09script:alert(1)',
		'%6A%61vascript:alert(1)',
		'%256A%2561vascript:alert(1)',
		'java\u200bscript:alert(1)',
		'vbscript:msgbox(1)',
		'VBScript:msgbox(1)',
		'file:///etc/passwd',
		'data:text/html;base64,PHNjcmlwdD4=',
		'data:image/png;base64,iVBORw0KGgo=',
		'ftp://example.org/',
		'tel:+79990000000',
		'livescript:alert(1)',
	])('refuses %j as a link', (url) => {
		expect(isSafeUrl(url, 'link')).toBe(false);
	});

	it.each([
		'data:image/png;base64,iVBORw0KGgo=',
		'data:image/gif;base64,R0lGODlh',
		'data:image/jpeg;base64,/9j/4AAQ',
		'data:image/webp;base64,UklGRg==',
		'https://img.example.org/a.png',
		'/uploads/a.png',
	])('allows %s as an image', (url) => {
		expect(isSafeUrl(url, 'image')).toBe(true);
	});

	it.each([
		'data:image/svg+xml;base64,PHN2Zz4=',
		'data:image/png,rawbytes',
		'DATA:text/html,<script>',
		'javascript:alert(1)',
		'mailto:a@b.c',
	])('refuses %s as an image', (url) => {
		expect(isSafeUrl(url, 'image')).toBe(false);
	});
});

describe('isExternalUrl', () => {
	const site = originOf('https://support.example.com/any/path');

	it('normalizes the site origin', () => {
		expect(site).toBe('https://support.example.com');
	});

	it.each([
		['https://example.org/', true],
		['//example.org/', true],
		['/\\example.org/', true],
		['http://support.example.com/', true],
		['https://support.example.com/forum', false],
		['/forum', false],
		['#top', false],
		['mailto:a@b.c', false],
	])('%s external: %s', (url, external) => {
		expect(isExternalUrl(url, site)).toBe(external);
	});

	it('treats every absolute web URL as external without a site origin', () => {
		expect(isExternalUrl('https://support.example.com/', undefined)).toBe(true);
		expect(isExternalUrl('/local', undefined)).toBe(false);
	});
});
