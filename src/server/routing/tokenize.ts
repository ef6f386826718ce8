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

/**
 * Lowercase, fold 'ё' to 'е', unify apostrophes and quotes, and spell out English negative
 * contractions so that "doesn't" and "does not" look the same to the rules and the model.
 */
export function normalize(text: string): string {
	let s = text.toLowerCase().replaceAll('ё', 'е').replace(/[’‘`´]/g, "'");
	s = s.replace(/[«»“”„"]/g, '"');
	for (const [re, repl] of CONTRACTIONS) s = s.replace(re, repl);
	return s.replace(/\s+/g, ' ').trim();
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
