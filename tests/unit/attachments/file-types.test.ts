import { describe, expect, it } from 'vitest';
import { classifyFile } from '#server/attachments/file-types.ts';
import { TextProbe } from '#server/attachments/text-probe.ts';
import { english } from '../../helpers/attachments.ts';
import {
	HTML_PAGE,
	LOG_FILE,
	makeDocx,
	makePng,
	makePolyglotPdf,
	makeZip,
	makeZipBomb,
	SVG_WITH_SCRIPT,
	SVG_WITH_XML_DECLARATION,
} from '../../helpers/files.ts';

function classify(data: Buffer, name: string) {
	const probe = new TextProbe();
	probe.push(data);
	return classifyFile({ head: data.subarray(0, 64 * 1024), isText: probe.end(data.length), name });
}

async function mimeOf(data: Buffer, name: string): Promise<string> {
	const result = await classify(data, name);
	if (!result.ok) throw new Error(`refused: ${result.reason}`);
	return result.type.mime;
}

async function refusal(data: Buffer, name: string): Promise<string> {
	const result = await classify(data, name);
	if (result.ok) throw new Error(`accepted as ${result.type.mime}`);
	return english(result.reason);
}

describe('classifyFile', () => {
	it('takes a PNG for a PNG, whatever its name says', async () => {
		const png = await makePng();
		expect(await mimeOf(png, 'shot.png')).toBe('image/png');
		expect(await mimeOf(png, 'shot.txt')).toBe('image/png');
		expect(await mimeOf(png, 'shot')).toBe('image/png');
	});

	it('refuses an HTML page renamed .png', async () => {
		expect(await refusal(HTML_PAGE, 'cat.png')).toMatch(/HTML or SVG/);
	});

	it('refuses text that claims to be a binary format', async () => {
		expect(await refusal(Buffer.from('just words'), 'cat.png')).toMatch(/not a real \.png file/);
		expect(await refusal(Buffer.from('just words'), 'report.pdf')).toMatch(/not a real \.pdf/);
	});

	it('refuses SVG, with or without an XML declaration', async () => {
		expect(await refusal(SVG_WITH_SCRIPT, 'logo.svg')).toMatch(/HTML or SVG/);
		expect(await refusal(SVG_WITH_SCRIPT, 'logo.txt')).toMatch(/HTML or SVG/);
		expect(await refusal(SVG_WITH_XML_DECLARATION, 'logo.xml')).toMatch(/HTML or SVG/);
	});

	it('takes a PDF/HTML polyglot for the PDF it starts as (served as a download)', async () => {
		expect(await mimeOf(makePolyglotPdf(), 'invoice.pdf')).toBe('application/pdf');
		expect(await mimeOf(makePolyglotPdf(), 'invoice.html')).toBe('application/pdf');
	});

	it('takes a ZIP bomb named .txt for a ZIP, without inflating it', async () => {
		const bomb = makeZipBomb();
		expect(bomb.length).toBeLessThan(200 * 1024);
		expect(await mimeOf(bomb, 'notes.txt')).toBe('application/zip');
	});

	it('accepts Office documents and plain archives', async () => {
		expect(await mimeOf(makeDocx(), 'spec.docx')).toBe(
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		);
		expect(await mimeOf(makeZip([['a.txt', Buffer.from('x')]]), 'logs.zip')).toBe(
			'application/zip',
		);
	});

	it('accepts logs, CSV and JSON as text, choosing among text types by name', async () => {
		expect(await mimeOf(LOG_FILE, 'storefront.log')).toBe('text/plain; charset=utf-8');
		expect(await mimeOf(Buffer.from('sku,qty\nA1,2\n'), 'orders.csv')).toBe(
			'text/csv; charset=utf-8',
		);
		expect(await mimeOf(Buffer.from('{"ok":false}'), 'reply.json')).toBe(
			'application/json; charset=utf-8',
		);
		expect(await mimeOf(Buffer.from('<?xml version="1.0"?><order/>'), 'order.xml')).toBe(
			'application/xml; charset=utf-8',
		);
	});

	it('accepts a log that mentions HTML further down', async () => {
		const log = Buffer.from('10:00 GET / 500\nresponse: <html><script>x</script></html>\n');
		expect(await mimeOf(log, 'access.log')).toBe('text/plain; charset=utf-8');
	});

	it('refuses binary files of other kinds and bytes that are not text', async () => {
		const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
		expect(await refusal(exe, 'setup.exe')).toMatch(/cannot be attached/);
		expect(await refusal(Buffer.from([0x00, 0x01, 0x02, 0xff]), 'dump.log')).toMatch(
			/cannot be attached/,
		);
		const gz = Buffer.from('1f8b0800000000000003', 'hex');
		expect(await refusal(gz, 'logs.gz')).toMatch(/GZ files cannot be attached/);
	});
});
