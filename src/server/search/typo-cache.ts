import type { QueryWord } from './query-terms.ts';

export interface CachedWordInfo {
	stop: boolean;
	fix: string;
}

const MAX_ENTRIES = 5_000;
const TTL_MS = 5 * 60_000;

/**
 * Remembers, per query word, whether it is a stop word and which indexed word it is a typo
 * of ('' = none needed or none found), so search-as-you-type does not repeat the look-up on
 * every keystroke. Entries expire: new documents may bring the word in.
 */
export class TypoFixCache {
	#entries = new Map<string, { info: CachedWordInfo; at: number }>();

	get(word: QueryWord): CachedWordInfo | undefined {
		const key = keyOf(word);
		const entry = this.#entries.get(key);
		if (!entry) return undefined;
		if (Date.now() - entry.at > TTL_MS) {
			this.#entries.delete(key);
			return undefined;
		}
		return entry.info;
	}

	set(word: QueryWord, info: CachedWordInfo): void {
		if (this.#entries.size >= MAX_ENTRIES) {
			const oldest = this.#entries.keys().next().value;
			if (oldest !== undefined) this.#entries.delete(oldest);
		}
		this.#entries.set(keyOf(word), { info, at: Date.now() });
	}

	clear(): void {
		this.#entries.clear();
	}
}

function keyOf(word: QueryWord): string {
	return `${word.prefix ? '*' : '='}${word.word}`;
}
