// PASS/FAIL lines for the fault and audit scripts, and the exit code they end with.
export interface Outcome {
	name: string;
	ok: boolean | 'skipped';
	detail?: string;
}

const outcomes: Outcome[] = [];

export function check(name: string, ok: boolean, detail?: string): boolean {
	outcomes.push({ name, ok, detail });
	console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
	return ok;
}

export function skip(name: string, reason: string): void {
	outcomes.push({ name, ok: 'skipped', detail: reason });
	console.log(`SKIP ${name} (${reason})`);
}

/** Prints the tally and sets the process exit code (1 when anything failed). */
export function finish(): void {
	const passed = outcomes.filter((o) => o.ok === true).length;
	const failed = outcomes.filter((o) => o.ok === false).length;
	const skipped = outcomes.filter((o) => o.ok === 'skipped').length;
	console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
	process.exitCode = failed ? 1 : 0;
}
