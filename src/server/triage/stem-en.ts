/**
 * English stemmer: the classic Porter (1980) algorithm.
 * NOTE: https://tartarus.org/martin/PorterStemmer/def.txt
 * Input must be a lowercase word of ASCII letters; anything else is returned unchanged.
 */

function isConsonant(w: string, i: number): boolean {
	const c = w[i];
	if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false;
	if (c === 'y') return i === 0 ? true : !isConsonant(w, i - 1);
	return true;
}

/** m() in the paper: the number of VC sequences in `w`. */
function measure(w: string): number {
	let n = 0;
	let i = 0;
	const len = w.length;
	while (i < len && isConsonant(w, i)) i++;
	while (i < len) {
		while (i < len && !isConsonant(w, i)) i++;
		if (i >= len) break;
		while (i < len && isConsonant(w, i)) i++;
		n++;
	}
	return n;
}

function hasVowel(w: string): boolean {
	for (let i = 0; i < w.length; i++) if (!isConsonant(w, i)) return true;
	return false;
}

function endsDoubleConsonant(w: string): boolean {
	const n = w.length;
	return n >= 2 && w[n - 1] === w[n - 2] && isConsonant(w, n - 1);
}

/** *o: stem ends cvc, where the last c is not w, x or y. */
function endsCvc(w: string): boolean {
	const n = w.length;
	if (n < 3) return false;
	if (!isConsonant(w, n - 1) || isConsonant(w, n - 2) || !isConsonant(w, n - 3)) return false;
	const c = w[n - 1];
	return c !== 'w' && c !== 'x' && c !== 'y';
}

/** Replace the first matching suffix when the remaining stem has measure > minM. */
function replaceRules(
	w: string,
	rules: readonly (readonly [string, string])[],
	minM: number,
): string {
	for (const [suffix, repl] of rules) {
		if (w.endsWith(suffix)) {
			const stem = w.slice(0, w.length - suffix.length);
			return measure(stem) > minM ? stem + repl : w;
		}
	}
	return w;
}

const STEP2: readonly (readonly [string, string])[] = [
	['ational', 'ate'],
	['tional', 'tion'],
	['enci', 'ence'],
	['anci', 'ance'],
	['izer', 'ize'],
	['bli', 'ble'],
	['alli', 'al'],
	['entli', 'ent'],
	['eli', 'e'],
	['ousli', 'ous'],
	['ization', 'ize'],
	['ation', 'ate'],
	['ator', 'ate'],
	['alism', 'al'],
	['iveness', 'ive'],
	['fulness', 'ful'],
	['ousness', 'ous'],
	['aliti', 'al'],
	['iviti', 'ive'],
	['biliti', 'ble'],
	['logi', 'log'],
];

const STEP3: readonly (readonly [string, string])[] = [
	['icate', 'ic'],
	['ative', ''],
	['alize', 'al'],
	['iciti', 'ic'],
	['ical', 'ic'],
	['ful', ''],
	['ness', ''],
];

// Longest suffix first: only the longest match is ever considered ('ement' before 'ment').
const STEP4 = [
	'ement',
	'ance',
	'ence',
	'able',
	'ible',
	'ment',
	'ant',
	'ent',
	'ion',
	'ism',
	'ate',
	'iti',
	'ous',
	'ive',
	'ize',
	'al',
	'er',
	'ic',
	'ou',
] as const;

function step1ab(w: string): string {
	if (w.endsWith('sses')) w = w.slice(0, -2);
	else if (w.endsWith('ies')) w = w.slice(0, -2);
	else if (!w.endsWith('ss') && w.endsWith('s')) w = w.slice(0, -1);

	if (w.endsWith('eed')) {
		if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
		return w;
	}
	let stem: string | undefined;
	if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) stem = w.slice(0, -2);
	else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) stem = w.slice(0, -3);
	if (stem === undefined) return w;
	if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return stem + 'e';
	if (endsDoubleConsonant(stem) && !/[lsz]$/.test(stem)) return stem.slice(0, -1);
	if (measure(stem) === 1 && endsCvc(stem)) return stem + 'e';
	return stem;
}

function step1c(w: string): string {
	return w.endsWith('y') && hasVowel(w.slice(0, -1)) ? w.slice(0, -1) + 'i' : w;
}

function step4(w: string): string {
	for (const suffix of STEP4) {
		if (!w.endsWith(suffix)) continue;
		const stem = w.slice(0, w.length - suffix.length);
		if (measure(stem) <= 1) return w;
		if (suffix === 'ion' && !/[st]$/.test(stem)) return w;
		return stem;
	}
	return w;
}

function step5(w: string): string {
	if (w.endsWith('e')) {
		const stem = w.slice(0, -1);
		const m = measure(stem);
		if (m > 1 || (m === 1 && !endsCvc(stem))) w = stem;
	}
	if (measure(w) > 1 && endsDoubleConsonant(w) && w.endsWith('l')) w = w.slice(0, -1);
	return w;
}

export function stemEnglish(word: string): string {
	if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
	let w = step1ab(word);
	w = step1c(w);
	w = replaceRules(w, STEP2, 0);
	w = replaceRules(w, STEP3, 0);
	w = step4(w);
	return step5(w);
}
