/**
 * `@handle` mentions in plain text runs.
 */

/** A handle: letters, digits, `_`, `-`, `.`; starts and ends with a letter, digit or `_`. */
const HANDLE = '[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.-]{0,62}[\\p{L}\\p{N}_])?';
// The `@` must not follow a character that could belong to an e-mail address, a URL path or
// another handle (`bob@example.com`, `/@bob`, `@@bob`).
const MENTION_RE = new RegExp(
	`(?<![\\p{L}\\p{N}_.+@/\\\\-])@(${HANDLE})(?![\\p{L}\\p{N}_@])`,
	'gu',
);

export interface MentionMatch {
	/** Index of the `@` in the text. */
	index: number;
	/** Length of `@handle`. */
	length: number;
	handle: string;
}

/** Mentions in a run of plain text, in order. */
export function findMentions(text: string): MentionMatch[] {
	if (!text.includes('@')) return [];
	const matches: MentionMatch[] = [];
	for (const match of text.matchAll(MENTION_RE)) {
		const handle = match[1];
		if (handle === undefined) continue;
		matches.push({ index: match.index, length: handle.length + 1, handle });
	}
	return matches;
}

/**
 * Adds handles to `into`, skipping ones already there in any letter case, until `into` holds
 * `limit` handles.
 */
export function collectUnique(
	into: string[],
	seen: Set<string>,
	handles: readonly string[],
	limit: number,
): void {
	for (const handle of handles) {
		if (into.length >= limit) return;
		const key = handle.toLowerCase();
		if (seen.has(key)) continue;
		seen.add(key);
		into.push(handle);
	}
}
