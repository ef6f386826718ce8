/**
 * A line diff (longest common subsequence) for showing what a hint revision changed. Pure.
 */

export type DiffLine = { op: 'same' | 'add' | 'del'; text: string };

/** Past this many line pairs the table would be too big; the caller shows "too large". */
export const MAX_DIFF_CELLS = 2_000_000;

/** Lines of `before` → `after` as kept / added / deleted; `undefined` when too large to compare. */
export function diffLines(before: string, after: string): DiffLine[] | undefined {
	const a = before.split('\n');
	const b = after.split('\n');
	// Common head and tail are cheap to peel off and keep the table small.
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let endA = a.length;
	let endB = b.length;
	while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
		endA--;
		endB--;
	}
	const midA = a.slice(start, endA);
	const midB = b.slice(start, endB);
	if (midA.length * midB.length > MAX_DIFF_CELLS) return undefined;

	const n = midA.length;
	const m = midB.length;
	// lcs[i][j] = LCS length of midA[i..] and midB[j..], flattened.
	const lcs = new Uint32Array((n + 1) * (m + 1));
	for (let i = n - 1; i >= 0; i--) {
		for (let j = m - 1; j >= 0; j--) {
			lcs[i * (m + 1) + j] =
				midA[i] === midB[j]
					? (lcs[(i + 1) * (m + 1) + j + 1] ?? 0) + 1
					: Math.max(lcs[(i + 1) * (m + 1) + j] ?? 0, lcs[i * (m + 1) + j + 1] ?? 0);
		}
	}
	const lines: DiffLine[] = a.slice(0, start).map((text) => ({ op: 'same', text }));
	let i = 0;
	let j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && midA[i] === midB[j]) {
			lines.push({ op: 'same', text: midA[i++] ?? '' });
			j++;
		} else if (
			i < n &&
			(j >= m || (lcs[(i + 1) * (m + 1) + j] ?? 0) >= (lcs[i * (m + 1) + j + 1] ?? 0))
		) {
			// Deletions first, as in a unified diff.
			lines.push({ op: 'del', text: midA[i++] ?? '' });
		} else {
			lines.push({ op: 'add', text: midB[j++] ?? '' });
		}
	}
	for (const text of a.slice(endA)) lines.push({ op: 'same', text });
	return lines;
}

export type DiffRow = DiffLine | { op: 'gap'; text: string };

/** Changed lines with `context` unchanged lines around them; longer unchanged runs become a gap. */
export function compactDiff(lines: readonly DiffLine[], context = 2): DiffRow[] {
	const keep = lines.map((line) => line.op !== 'same');
	const near = lines.map((_, index) => {
		for (let d = -context; d <= context; d++) if (keep[index + d]) return true;
		return false;
	});
	const rows: DiffRow[] = [];
	let skipped = 0;
	lines.forEach((line, index) => {
		if (near[index]) {
			if (skipped > 0)
				rows.push({ op: 'gap', text: `${skipped} unchanged line${skipped === 1 ? '' : 's'}` });
			skipped = 0;
			rows.push(line);
		} else {
			skipped++;
		}
	});
	if (skipped > 0 && rows.length > 0)
		rows.push({ op: 'gap', text: `${skipped} unchanged line${skipped === 1 ? '' : 's'}` });
	return rows;
}
