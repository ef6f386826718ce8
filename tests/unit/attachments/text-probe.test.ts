import { describe, expect, it } from 'vitest';
import { TextProbe } from '#server/attachments/text-probe.ts';

function probe(...chunks: Uint8Array[]): boolean {
	const p = new TextProbe();
	let total = 0;
	for (const chunk of chunks) {
		p.push(chunk);
		total += chunk.byteLength;
	}
	return p.end(total);
}

describe('TextProbe', () => {
	it('accepts UTF-8 text in any language', () => {
		expect(probe(Buffer.from('ERROR ключ не найден ✓\n'))).toBe(true);
	});

	it('accepts a character split between two chunks', () => {
		const bytes = Buffer.from('ключ');
		expect(probe(bytes.subarray(0, 3), bytes.subarray(3))).toBe(true);
	});

	it('refuses a NUL byte', () => {
		expect(probe(Buffer.from('abc\u0000def'))).toBe(false);
	});

	it('refuses bytes that are not UTF-8', () => {
		expect(probe(Buffer.from([0x61, 0xff, 0x62]))).toBe(false);
		expect(probe(Buffer.from([0xd0]))).toBe(false); // cut off at the end
	});

	it('calls an empty file not text', () => {
		expect(probe()).toBe(false);
	});
});
