/**
 * Evaluate the question router on a labelled TSV (`route<TAB>question`, header line).
 * Usage: npm run eval:routing [-- path/to/file.tsv]   (default: ../shared/eval/routing-dev.tsv)
 * Prints accuracy per route and overall, a confusion matrix and the misclassified rows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseRoutingTsv } from '#server/triage/dataset.ts';
import { ROUTES, routeQuestion, type Route } from '#server/triage/router.ts';

const path = resolve(process.cwd(), process.argv[2] ?? '../shared/eval/routing-dev.tsv');
if (!existsSync(path)) {
	console.error(`No such file: ${path}\nPass a TSV path: npm run eval:routing -- path/to/file.tsv`);
	process.exit(1);
}
const rows = parseRoutingTsv(readFileSync(path, 'utf8'));

const pct = (n: number, d: number): string =>
	d === 0 ? '   -  ' : `${((n / d) * 100).toFixed(1).padStart(5)}%`;
const confusion = new Map<Route, Map<Route, number>>(
	ROUTES.map((r) => [r, new Map(ROUTES.map((p) => [p, 0]))]),
);
const misses: string[] = [];
let correct = 0;
for (const row of rows) {
	const d = routeQuestion(row.question);
	const cell = confusion.get(row.route)!;
	cell.set(d.route, (cell.get(d.route) ?? 0) + 1);
	if (d.route === row.route) correct++;
	else
		misses.push(
			`  ${row.route} -> ${d.route} (${d.confidence.toFixed(2)})  ${row.question}\n      ${d.reason}`,
		);
}

// Timed on a second pass: the first one includes JIT warm-up and regex compilation.
const started = performance.now();
for (const row of rows) routeQuestion(row.question);
const msPerQuestion = (performance.now() - started) / Math.max(rows.length, 1);

console.log(`${path}: ${rows.length} questions\n`);
console.log('per route:');
for (const r of ROUTES) {
	const counts = confusion.get(r)!;
	const total = [...counts.values()].reduce((a, b) => a + b, 0);
	console.log(
		`  ${r.padEnd(13)} ${pct(counts.get(r) ?? 0, total)}  (${counts.get(r) ?? 0}/${total})`,
	);
}
console.log(
	`  ${'overall'.padEnd(13)} ${pct(correct, rows.length)}  (${correct}/${rows.length})\n`,
);

const w = 13;
console.log('confusion (rows = expected, columns = predicted):');
console.log(`  ${''.padEnd(w)}${ROUTES.map((r) => r.padStart(w)).join('')}`);
for (const r of ROUTES) {
	console.log(
		`  ${r.padEnd(w)}${ROUTES.map((p) => String(confusion.get(r)!.get(p)).padStart(w)).join('')}`,
	);
}
console.log(`\nmisclassified: ${misses.length}${misses.length ? `\n${misses.join('\n')}` : ''}`);
console.log(`\naverage time per question (warm): ${msPerQuestion.toFixed(3)} ms`);
