// NOTE: on globalThis so every copy of this module in the process sees the same counter.
const KEY = Symbol.for('ot-portal.search-index-version');
const holder = globalThis as Record<symbol, number | undefined>;

/** Changes whenever this process applied outbox rows to an index: cached answers are stale then. */
export function indexVersion(): number {
	return holder[KEY] ?? 0;
}

export function bumpIndexVersion(): void {
	holder[KEY] = indexVersion() + 1;
}
