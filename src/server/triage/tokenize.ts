import type { Lang } from './routes.ts';
import { stemEnglish } from './stem-en.ts';
import { stemRussian } from './stem-ru.ts';

export interface Token {
	/** The word as typed, lowercased and normalized. */
	readonly surface: string;
	readonly stem: string;
}

const CONTRACTIONS: readonly (readonly [RegExp, string])[] = [
	[/\bcan[\s']?not\b|\bcan't\b|\bcant\b/g, 'can not'],
	[/\bwon't\b|\bwont\b/g, 'will not'],
	[/\b(do|does|did|is|are|was|were|has|have|had|could|would|should|must)n'?t\b/g, '$1 not'],
	[/'(s|d|m|re|ve|ll)\b/g, ''],
];

export interface Normalized {
	readonly text: string;
	/** For each character of `text`, the index of the input character it came from. */
	readonly origin: readonly number[];
}

/** Regex replace that keeps `origin` in step, mapping replacement characters onto the match. */
function replaceTracked(n: Normalized, re: RegExp, repl: string): Normalized {
	let text = '';
	const origin: number[] = [];
	let last = 0;
	for (const m of n.text.matchAll(re)) {
		text += n.text.slice(last, m.index);
		origin.push(...n.origin.slice(last, m.index));
		const r = repl.replace(/\$(\d)/g, (_, g: string) => m[Number(g)] ?? '');
		text += r;
		// Shared prefix maps 1:1 ("does" in "doesn't" -> "does not"), the rest spreads linearly.
		const len = m[0].length;
		let p = 0;
		while (p < Math.min(len, r.length) && m[0][p] === r[p]) p++;
		for (let j = 0; j < r.length; j++) {
			const k =
				j < p ? j : Math.min(len - 1, p + Math.floor(((j - p) * (len - p)) / (r.length - p)));
			origin.push(n.origin[m.index + k] ?? 0);
		}
		last = m.index + m[0].length;
	}
	return { text: text + n.text.slice(last), origin: [...origin, ...n.origin.slice(last)] };
}

/**
 * Lowercase, fold 'ё' to 'е', unify apostrophes, blank out quotes and brackets, spell out English negative
 * contractions so that "doesn't" and "does not" look the same to the rules and the model,
 * and collapse whitespace, remembering where each character came from (to quote the input).
 */
export function normalizeWithOrigin(input: string): Normalized {
	let text = '';
	const origin: number[] = [];
	for (let i = 0; i < input.length; i++) {
		const lower = (input[i] ?? '')
			.toLowerCase()
			.replace('ё', 'е')
			.replace(/[’‘`´]/, "'")
			.replace(/[«»“”„"()[\]]/, ' ');
		text += lower;
		for (let j = 0; j < lower.length; j++) origin.push(i);
	}
	let n: Normalized = { text, origin };
	for (const [re, repl] of CONTRACTIONS) n = replaceTracked(n, re, repl);
	n = replaceTracked(n, /\s+/g, ' ');
	const start = n.text.length - n.text.trimStart().length;
	const end = n.text.trimEnd().length;
	return { text: n.text.slice(start, end), origin: n.origin.slice(start, end) };
}

export function normalize(text: string): string {
	return normalizeWithOrigin(text).text;
}

/** Russian when Cyrillic letters are at least as many as Latin ones (and there are some). */
export function detectLang(text: string): Lang {
	const cyr = text.match(/[\u0400-\u04ff]/g)?.length ?? 0;
	const lat = text.match(/[a-z]/gi)?.length ?? 0;
	return cyr > 0 && cyr >= lat ? 'ru' : 'en';
}

// Latin look-alikes typed inside Russian words/brands, e.g. "1c" for "1с".
const ALIASES: Readonly<Record<string, string>> = { '1c': '1с' };

export function stemWord(word: string): string {
	if (/^[a-z]+$/.test(word)) return stemEnglish(word);
	if (/^[а-я]+$/.test(word)) return stemRussian(word);
	return word;
}

/** Split normalized text into word tokens (letters/digits) with their stems. */
export function tokenize(text: string): Token[] {
	const words = normalize(text).match(/[a-zа-я0-9]+/g) ?? [];
	return words.map((w) => {
		const surface = ALIASES[w] ?? w;
		return { surface, stem: stemWord(surface) };
	});
}
