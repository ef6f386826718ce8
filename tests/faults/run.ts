// npm run faults [name…]: fault scripts that manage their own servers (not part of npm test).
// Names: sigterm, pglite-lock, pg-restart, two-instances. Prints PASS/FAIL lines, exits 1 on a failure.
import { check, finish } from '../tools/report.ts';
import { ensureBuilt } from '../tools/server-process.ts';

const SCRIPTS: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
	sigterm: () => import('./sigterm.ts'),
	'pglite-lock': () => import('./pglite-lock.ts'),
	'pg-restart': () => import('./pg-restart.ts'),
	'two-instances': () => import('./two-instances.ts'),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in SCRIPTS));
if (unknown.length) {
	console.error(
		`Unknown fault script(s): ${unknown.join(', ')}. Known: ${Object.keys(SCRIPTS).join(', ')}`,
	);
	process.exit(2);
}

ensureBuilt();
for (const name of wanted.length ? wanted : Object.keys(SCRIPTS)) {
	console.log(`\n▶ ${name}`);
	try {
		await (await SCRIPTS[name]!()).run();
	} catch (error) {
		check(`${name} ran to the end`, false, error instanceof Error ? error.message : String(error));
	}
}
finish();
