import type { Route } from './routes.ts';

/**
 * A hand-written, high-precision cue phrase. Each hit becomes a feature of the model (so the
 * weights are learned, not guessed) and the matched words are quoted in the explanation.
 * Patterns run on `normalizeWithOrigin()` text: lowercase, 'ё' folded, English contractions
 * spelled out, quotes blanked.
 */
export interface Cue {
	readonly id: string;
	readonly route: Route;
	readonly re: RegExp;
}

// NOTE: JS `\b` only knows ASCII letters, so Cyrillic needs explicit Unicode boundaries.
export const B = '(?<![\\p{L}\\d])';
export const E = '(?![\\p{L}\\d])';
/** Up to `n` intervening words. */
export const gap = (n: number): string => `(?:[\\s,]+[\\p{L}\\d'-]+){0,${n}}`;
export const SP = '[\\s,]+';
export const SHOPPERS = 'buyers|customers|clients|shoppers|users|visitors';

export function cue(id: string, route: Route, source: string): Cue {
	return { id, route, re: new RegExp(source, 'u') };
}
