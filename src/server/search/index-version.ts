let version = 0;

/** Changes whenever this process applied outbox rows to an index: cached answers are stale then. */
export function indexVersion(): number {
	return version;
}

export function bumpIndexVersion(): void {
	version += 1;
}
