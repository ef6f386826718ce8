import { PROBLEM_CUES } from './cues-problems.ts';
import { REQUEST_CUES } from './cues-requests.ts';
import type { Cue } from './cue-syntax.ts';
import type { Route } from './routes.ts';
import type { Normalized } from './tokenize.ts';

export type { Cue } from './cue-syntax.ts';

export interface CueHit {
	readonly id: string;
	readonly route: Route;
	/** The matched words, as the person typed them. */
	readonly text: string;
}

export const CUES: readonly Cue[] = [...PROBLEM_CUES, ...REQUEST_CUES];

const WORD_TAIL = /^[\p{L}\d]*/u;
const IN_WORD = /^[\p{L}\d'’]$/u;

/**
 * All cues whose pattern occurs in the normalized question, in CUES order, each quoting the
 * words of the original `input` it matched.
 */
export function findCues(n: Normalized, input: string): CueHit[] {
	const hits: CueHit[] = [];
	for (const c of CUES) {
		const m = c.re.exec(n.text);
		if (!m) continue;
		// Patterns often stop at a word stem ("не работа"); quote the whole word ("не работает").
		const tail = WORD_TAIL.exec(n.text.slice(m.index + m[0].length))?.[0].length ?? 0;
		const last = m.index + m[0].length + tail - 1;
		let from = n.origin[m.index] ?? 0;
		let to = (n.origin[last] ?? from) + 1;
		// Contractions map inside a word ("n't"); widen to whole typed words ("doesn't").
		while (from > 0 && IN_WORD.test(input[from - 1] ?? '')) from--;
		while (to < input.length && IN_WORD.test(input[to] ?? '')) to++;
		hits.push({
			id: c.id,
			route: c.route,
			text: input
				.slice(from, to)
				.replace(/[«»"“”„]/g, '')
				.replace(/\s+/g, ' ')
				.trim(),
		});
	}
	return hits;
}
