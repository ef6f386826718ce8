import { findCues, type CueHit } from './cues.ts';
import type { Lang } from './routes.ts';
import { detectLang, normalizeWithOrigin, tokenize, type Token } from './tokenize.ts';

export interface Extracted {
	readonly lang: Lang;
	readonly tokens: readonly Token[];
	readonly cues: readonly CueHit[];
	/** Distinct binary features, always starting with 'bias'. */
	readonly features: readonly string[];
	/** For word features: a word of the question that produced it (for explanations). */
	readonly surfaceOf: ReadonlyMap<string, string>;
}

const NEGATIONS = new Set(['not', 'no', 'never', 'не', 'нет', 'ни', 'нельзя']);
const PREFIX_LEN = 5;

/**
 * Turn a question into the features the classifier sees:
 * stems (`w:`), stem bigrams (`b:`), 5-letter word prefixes (`p:`, robust to typos and to
 * inflections the stemmer misses), rule cues (`cue:`), plus negation and question-mark flags.
 */
export function extractFeatures(text: string): Extracted {
	const normalized = normalizeWithOrigin(text);
	const tokens = tokenize(text);
	const cues = findCues(normalized, text);
	const set = new Set<string>(['bias']);
	const surfaceOf = new Map<string, string>();
	const add = (f: string, surface?: string): void => {
		set.add(f);
		if (surface !== undefined && !surfaceOf.has(f)) surfaceOf.set(f, surface);
	};
	tokens.forEach((t, i) => {
		add(`w:${t.stem}`, t.surface);
		if (t.surface.length > PREFIX_LEN + 1 && /^\p{L}+$/u.test(t.surface)) {
			add(`p:${t.surface.slice(0, PREFIX_LEN)}`, t.surface);
		}
		if (NEGATIONS.has(t.surface)) add('neg');
		const next = tokens[i + 1];
		if (next) add(`b:${t.stem}_${next.stem}`, `${t.surface} ${next.surface}`);
	});
	// A shared per-route feature lets every rule of a route lend weight to the rarer ones.
	for (const c of cues) {
		add(`cue:${c.id}`);
		add(`any:${c.route}`);
	}
	if (normalized.text.includes('?')) add('qmark');
	return { lang: detectLang(text), tokens, cues, features: [...set], surfaceOf };
}
