/**
 * Train the question router and write src/server/triage/model.json.
 * Usage: npm run router:train [-- --folds=5 --cv-only --l2=0.002 --iterations=400]
 * Prints k-fold cross-validation accuracy on the training corpus first.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { DEFAULT_TRAIN_OPTIONS, type TrainOptions } from '#server/triage/classifier.ts';
import { parseRoutingTsv, type LabelledQuestion } from '#server/triage/dataset.ts';
import { extractFeatures } from '#server/triage/features.ts';
import {
	classifyFeatures,
	loadWeights,
	trainRouterModel,
	type RouterModelJson,
} from '#server/triage/model.ts';

const ROUTING_DIR = resolve(import.meta.dirname, '../server/triage');
const args = process.argv.slice(2);
const flag = (name: string): string | undefined =>
	args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const options: TrainOptions = {
	l2: Number(flag('l2') ?? DEFAULT_TRAIN_OPTIONS.l2),
	iterations: Number(flag('iterations') ?? DEFAULT_TRAIN_OPTIONS.iterations),
	learningRate: Number(flag('lr') ?? DEFAULT_TRAIN_OPTIONS.learningRate),
	minCount: Number(flag('min-count') ?? DEFAULT_TRAIN_OPTIONS.minCount),
	cueL2Scale: Number(flag('cue-l2-scale') ?? DEFAULT_TRAIN_OPTIONS.cueL2Scale),
};
const folds = Number(flag('folds') ?? 5);

const rows = parseRoutingTsv(readFileSync(resolve(ROUTING_DIR, 'training-data.tsv'), 'utf8'));

/** Deterministic shuffle (mulberry32), so fold assignment is stable between runs. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
	let a = seed;
	const rand = (): number => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const out = [...xs];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(rand() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

function accuracy(model: RouterModelJson, test: readonly LabelledQuestion[]): number {
	const weights = loadWeights(model);
	const ok = test.filter(
		(r) => classifyFeatures(weights, extractFeatures(r.question).features).route === r.route,
	);
	return ok.length / test.length;
}

const order = shuffled(rows, 42);
const foldAcc: number[] = [];
for (let f = 0; f < folds; f++) {
	const test = order.filter((_, i) => i % folds === f);
	const train = order.filter((_, i) => i % folds !== f);
	foldAcc.push(accuracy(trainRouterModel(train, options), test));
}
const mean = foldAcc.reduce((a, b) => a + b, 0) / folds;
console.log(`training questions: ${rows.length}; options: ${JSON.stringify(options)}`);
console.log(
	`${folds}-fold CV accuracy: ${(mean * 100).toFixed(1)}% (folds: ${foldAcc.map((a) => (a * 100).toFixed(1)).join(', ')})`,
);

if (!args.includes('--cv-only')) {
	const model = trainRouterModel(rows, options);
	console.log(`training-set accuracy: ${(accuracy(model, rows) * 100).toFixed(1)}%`);
	// One feature per line keeps diffs of the committed model readable.
	const entries = Object.entries(model.weights).map(
		([f, w]) => `\t\t${JSON.stringify(f)}: ${JSON.stringify(w)}`,
	);
	const { weights: _omit, ...head } = model;
	const headJson = JSON.stringify(head, null, '\t').replace(/\n}$/, '');
	const raw = `${headJson},\n\t"weights": {\n${entries.join(',\n')}\n\t}\n}\n`;
	const out = resolve(ROUTING_DIR, 'model.json');
	// Format like `npm run format` would, so formatting never churns the committed model.
	const text = await format(raw, { ...(await resolveConfig(out)), filepath: out });
	writeFileSync(out, text);
	console.log(`wrote ${out} (${entries.length} features, ${(text.length / 1024).toFixed(0)} KiB)`);
}
