// npm run search:reindex: rebuilds the search index(es) from manuals, hints and forum topics.
// With the embedded database (no DATABASE_URL) stop the server first: PGlite allows one process
// per DATA_DIR. With DATABASE_URL it may run next to live servers.
import { SEARCH_SOURCES } from '#server/app.ts';
import { openDb, type OpenDb } from '#server/db/client.ts';
import { externalEngine } from '#server/search/engines.ts';
import { reindexAll, type ReindexProgress } from '#server/search/reindex.ts';

const WIDTH = 30;
let lastLine = '';

function draw(p: ReindexProgress): void {
	const ratio = p.total === 0 ? 1 : p.done / p.total;
	const filled = Math.round(ratio * WIDTH);
	const line = `${p.step.padEnd(24)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${p.done}/${p.total}`;
	if (line === lastLine) return;
	if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
	else if (p.done === p.total || p.done === 0) process.stderr.write(`${line}\n`);
	if (process.stderr.isTTY && p.done === p.total) process.stderr.write('\n');
	lastLine = line;
}

let opened: OpenDb | undefined;
try {
	opened = await openDb();
	const { db, kind } = opened;
	const external = externalEngine();
	if (external && !(await external.healthy())) {
		throw new Error(
			`${external.name} is configured (MEILISEARCH_URL) but unreachable; start it or unset MEILISEARCH_URL.`,
		);
	}
	const started = performance.now();
	const result = await reindexAll(db, { sources: SEARCH_SOURCES, external, onProgress: draw });
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(
		`Indexed ${result.documents} documents into ${result.engines.join(' and ')} (${kind} database) in ${seconds} s.`,
	);
} catch (error) {
	process.stderr.write('\n');
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await opened?.db.destroy();
}
