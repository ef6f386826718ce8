import { stemWord } from '#server/triage/tokenize.ts';
import { SYNONYM_GROUPS } from './synonyms.ts';

/** One word of a search query. The last word of a query still being typed is a prefix. */
export interface QueryWord {
	word: string;
	prefix: boolean;
}

/** A query word as a `to_tsquery` expression per text search configuration. */
export interface TsGroup {
	word: string;
	/** For the 'russian' configuration (stems Russian words, and English ones via english_stem). */
	stemmed: string;
	/** For the 'simple' configuration (prefix of an unstemmed word); null for whole words. */
	simple: string | null;
}

export const MAX_QUERY_WORDS = 12;
const MAX_WORD_LENGTH = 40;
/** Shorter prefixes match too much to be useful while typing. */
export const MIN_PREFIX_LENGTH = 3;

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Splits a query into lowercase words (letters and digits only, so they are safe inside a
 * tsquery literal). The last word is a prefix unless the query ends with a space or
 * punctuation, i.e. the person has finished typing it. Repeated words are dropped.
 */
export function parseQueryWords(q: string): QueryWord[] {
	const text = q.normalize('NFKC').toLowerCase().replaceAll('ё', 'е');
	const words = [...new Set(text.match(WORD) ?? [])]
		.filter((w) => w.length <= MAX_WORD_LENGTH)
		.slice(0, MAX_QUERY_WORDS);
	const last = text.match(WORD)?.at(-1);
	const typing = last !== undefined && text.trimEnd().endsWith(last) && text === text.trimEnd();
	return words.map((word) => ({
		word,
		prefix: typing && word === last && word.length >= MIN_PREFIX_LENGTH,
	}));
}

// stem -> the synonym group's other members (phrases split into words)
const SYNONYMS_BY_STEM = (() => {
	const map = new Map<string, string[][]>();
	for (const group of SYNONYM_GROUPS) {
		const members = group.map((entry) => entry.toLowerCase().match(WORD) ?? []);
		for (const member of members) {
			if (member.length !== 1) continue;
			const stem = stemWord(member[0] ?? '');
			const others = members.filter((m) => m !== member);
			map.set(stem, [...(map.get(stem) ?? []), ...others]);
		}
	}
	return map;
})();

/** Synonyms of a word, each a list of words (a phrase when longer than one). */
export function synonymsOf(word: string): string[][] {
	return SYNONYMS_BY_STEM.get(stemWord(word)) ?? [];
}

const quote = (word: string) => `'${word}'`;

/**
 * The tsquery text of each query word: the word itself, its synonyms (phrases with `<->`)
 * and, from `fixes`, the indexed word it was probably a typo of.
 */
export function toTsGroups(
	words: readonly QueryWord[],
	fixes: ReadonlyMap<string, string> = new Map(),
): TsGroup[] {
	return words.map(({ word, prefix }) => {
		const fix = fixes.get(word);
		const alternatives = [
			prefix ? `${quote(word)}:*` : quote(word),
			...(fix ? [prefix ? `${quote(fix)}:*` : quote(fix)] : []),
			...synonymsOf(word).map((phrase) => phrase.map(quote).join(' <-> ')),
		];
		return {
			word,
			stemmed: alternatives.join(' | '),
			simple: prefix ? [word, ...(fix ? [fix] : [])].map((w) => `${quote(w)}:*`).join(' | ') : null,
		};
	});
}

/** Words worth indexing in the typo vocabulary: 3 to 30 letters/digits, starting with a letter. */
export function vocabularyOf(text: string): string[] {
	const words = text.normalize('NFKC').toLowerCase().replaceAll('ё', 'е').match(WORD) ?? [];
	return [...new Set(words.filter((w) => w.length >= 3 && w.length <= 30 && /^\p{L}/u.test(w)))];
}
