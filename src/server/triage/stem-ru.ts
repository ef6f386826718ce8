/**
 * Russian stemmer: the Snowball "russian" algorithm.
 * NOTE: https://snowballstem.org/algorithms/russian/stemmer.html
 * Input should be a lowercase word; 'ё' is folded to 'е' here as well.
 */

const VOWELS = new Set(['а', 'е', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я']);

/** Endings of one class: `afterAYa` ones only count when preceded by 'а' or 'я'. */
interface EndingClass {
	readonly afterAYa: readonly string[];
	readonly plain: readonly string[];
}

const byLengthDesc = (xs: readonly string[]): string[] =>
	[...xs].sort((a, b) => b.length - a.length);

function endingClass(afterAYa: readonly string[], plain: readonly string[]): EndingClass {
	return { afterAYa: byLengthDesc(afterAYa), plain: byLengthDesc(plain) };
}

const PERFECTIVE_GERUND = endingClass(
	['в', 'вши', 'вшись'],
	['ив', 'ивши', 'ившись', 'ыв', 'ывши', 'ывшись'],
);
const ADJECTIVE = endingClass(
	[],
	'ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею'.split(' '),
);
const PARTICIPLE = endingClass(['ем', 'нн', 'вш', 'ющ', 'щ'], ['ивш', 'ывш', 'ующ']);
const REFLEXIVE = endingClass([], ['ся', 'сь']);
const VERB = endingClass(
	'ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно'.split(' '),
	(
		'ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ' +
		'ить ыть ишь ую ю'
	).split(' '),
);
const NOUN = endingClass(
	[],
	(
		'а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ' +
		'ию ью ю ия ья я'
	).split(' '),
);
const DERIVATIONAL = ['ость', 'ост'];
const SUPERLATIVE = ['ейше', 'ейш'];

/**
 * Remove the longest ending of `cls` from `s`; Snowball's `among` picks the longest match
 * first and fails outright if that match's condition does not hold.
 */
function removeEnding(s: string, cls: EndingClass): string | undefined {
	let best: { ending: string; needsAYa: boolean } | undefined;
	for (const e of cls.afterAYa) {
		if (s.endsWith(e) && (!best || e.length > best.ending.length))
			best = { ending: e, needsAYa: true };
	}
	for (const e of cls.plain) {
		if (s.endsWith(e) && (!best || e.length > best.ending.length))
			best = { ending: e, needsAYa: false };
	}
	if (!best) return undefined;
	const rest = s.slice(0, s.length - best.ending.length);
	if (best.needsAYa && !(rest.endsWith('а') || rest.endsWith('я'))) return undefined;
	return rest;
}

/** Start offsets of RV and R2 as defined by the algorithm. */
function regions(w: string): { rv: number; r2: number } {
	let rv = w.length;
	for (let i = 0; i < w.length; i++) {
		if (VOWELS.has(w[i] ?? '')) {
			rv = i + 1;
			break;
		}
	}
	const after = (start: number): number => {
		for (let i = start + 1; i < w.length; i++) {
			if (!VOWELS.has(w[i] ?? '') && VOWELS.has(w[i - 1] ?? '')) return i + 1;
		}
		return w.length;
	};
	const r1 = after(0);
	return { rv, r2: r1 >= w.length ? w.length : after(r1) };
}

function step1(s: string): string {
	const gerund = removeEnding(s, PERFECTIVE_GERUND);
	if (gerund !== undefined) return gerund;
	s = removeEnding(s, REFLEXIVE) ?? s;
	const adjective = removeEnding(s, ADJECTIVE);
	if (adjective !== undefined) return removeEnding(adjective, PARTICIPLE) ?? adjective;
	return removeEnding(s, VERB) ?? removeEnding(s, NOUN) ?? s;
}

export function stemRussian(word: string): string {
	const w = word.replaceAll('ё', 'е');
	if (w.length <= 2 || !/^[а-я]+$/.test(w)) return w;
	const { rv, r2 } = regions(w);
	const prefix = w.slice(0, rv);
	let s = step1(w.slice(rv));
	if (s.endsWith('и')) s = s.slice(0, -1);
	// Step 3: derivational ending, only when it lies inside R2.
	for (const d of DERIVATIONAL) {
		if (s.endsWith(d) && prefix.length + s.length - d.length >= r2) {
			s = s.slice(0, -d.length);
			break;
		}
	}
	// Step 4: undouble 'н', strip a superlative, or drop a soft sign.
	if (s.endsWith('нн')) s = s.slice(0, -1);
	else {
		const sup = SUPERLATIVE.find((e) => s.endsWith(e));
		if (sup) {
			s = s.slice(0, -sup.length);
			if (s.endsWith('нн')) s = s.slice(0, -1);
		} else if (s.endsWith('ь')) s = s.slice(0, -1);
	}
	return prefix + s;
}
