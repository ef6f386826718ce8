import type { HintContent } from './hints.repo.ts';

function sameList(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** Whether saving `next` over `current` would change anything. */
export function sameContent(current: HintContent, next: HintContent): boolean {
	return (
		current.slug === next.slug &&
		current.title === next.title &&
		current.body === next.body &&
		current.state === next.state &&
		(current.publishedAt?.getTime() ?? null) === (next.publishedAt?.getTime() ?? null) &&
		sameList(current.tags, next.tags) &&
		sameList(current.relatedManuals, next.relatedManuals)
	);
}

const STATE_NOTE = {
	draft: 'Moved back to draft',
	published: 'Published',
	archived: 'Archived',
} as const;

/** A one-line summary for the revision list: "Created as draft", "Published", "Edited"… */
export function describeChange(before: HintContent | undefined, after: HintContent): string {
	if (!before)
		return after.state === 'published' ? 'Created and published' : `Created as ${after.state}`;
	if (before.state !== after.state) {
		const textChanged = before.title !== after.title || before.body !== after.body;
		return textChanged ? `${STATE_NOTE[after.state]} with edits` : STATE_NOTE[after.state];
	}
	return 'Edited';
}
