import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../../src/styles/code.css', import.meta.url), 'utf8');

/** Custom properties of the first `:root { … }` block after `from`. */
function rootVariables(from: number): Map<string, string> {
	const start = css.indexOf(':root {', from);
	const block = css.slice(start, css.indexOf('}', start));
	return new Map(
		[...block.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1] ?? '', m[2] ?? '']),
	);
}

function luminance(hex: string): number {
	const channel = (offset: number): number => {
		const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
		return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

const ON_CODE_BG = [
	'fg',
	'comment',
	'keyword',
	'string',
	'number',
	'title',
	'type',
	'meta',
	'variable',
];
const PAIRS: [string, string][] = [
	...ON_CODE_BG.map((name): [string, string] => [`--code-${name}`, '--code-bg']),
	['--code-addition-fg', '--code-addition-bg'],
	['--code-deletion-fg', '--code-deletion-bg'],
	['--mention-fg', '--mention-bg'],
];

describe.each([
	['light', rootVariables(0)],
	['dark', rootVariables(css.indexOf('prefers-color-scheme: dark'))],
])('code.css %s scheme', (_scheme, vars) => {
	it.each(PAIRS)('%s on %s meets WCAG AA', (fg, bg) => {
		const [fgHex, bgHex] = [vars.get(fg), vars.get(bg)];
		expect(fgHex, fg).toBeDefined();
		expect(bgHex, bg).toBeDefined();
		expect(contrast(fgHex ?? '', bgHex ?? '')).toBeGreaterThanOrEqual(4.5);
	});
});

describe('code.css', () => {
	it('has a dark colour scheme', () => {
		expect(css.indexOf('prefers-color-scheme: dark')).toBeGreaterThan(0);
	});

	it('styles every class the renderer emits outside hljs tokens', () => {
		for (const cls of [
			'code-block',
			'heading-anchor',
			'mention',
			'md-align-left',
			'md-align-center',
			'md-align-right',
		]) {
			expect(css).toContain(`.${cls}`);
		}
	});
});
