/**
 * Multinomial logistic regression over binary features, trained by full-batch Adam with L2.
 * Full-batch and no random init, so training is deterministic: same data -> same model.json.
 */

export interface TrainOptions {
	readonly l2: number;
	readonly iterations: number;
	readonly learningRate: number;
	/** Features seen in fewer training questions than this are dropped. */
	readonly minCount: number;
	/**
	 * L2 multiplier for hand-written rule features (`cue:*`, `any:*`): below 1 lets a rule that fires
	 * carry more weight than any single word, since the rules were written to generalise.
	 */
	readonly cueL2Scale: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
	l2: 0.003,
	iterations: 400,
	learningRate: 0.05,
	minCount: 1,
	cueL2Scale: 0.3,
};

export interface Sample {
	readonly features: readonly string[];
	/** Index into the class list. */
	readonly label: number;
}

/** Feature -> one weight per class. */
export type Weights = Map<string, readonly number[]>;

export function softmax(scores: readonly number[]): number[] {
	const max = Math.max(...scores);
	const exps = scores.map((s) => Math.exp(s - max));
	const sum = exps.reduce((a, b) => a + b, 0);
	return exps.map((e) => e / sum);
}

/** Class probabilities for one question's features; unknown features are ignored. */
export function predictProba(
	weights: Weights,
	classes: number,
	features: readonly string[],
): number[] {
	const scores = new Array<number>(classes).fill(0);
	for (const f of features) {
		const w = weights.get(f);
		if (!w) continue;
		for (let k = 0; k < classes; k++) scores[k]! += w[k] ?? 0;
	}
	return softmax(scores);
}

export function trainWeights(
	samples: readonly Sample[],
	classes: number,
	opts: TrainOptions,
): Weights {
	const counts = new Map<string, number>();
	for (const s of samples) for (const f of s.features) counts.set(f, (counts.get(f) ?? 0) + 1);
	const names = [...counts.keys()]
		.filter((f) => f === 'bias' || (counts.get(f) ?? 0) >= opts.minCount)
		.sort();
	const index = new Map(names.map((f, i) => [f, i]));
	const rows = samples.map((s) => ({
		x: s.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined),
		y: s.label,
	}));
	const isRule = (f: string): boolean => f.startsWith('cue:') || f.startsWith('any:');
	const l2 = names.map((f) => (f === 'bias' ? 0 : isRule(f) ? opts.l2 * opts.cueL2Scale : opts.l2));

	const size = names.length * classes;
	const w = new Float64Array(size);
	const m = new Float64Array(size);
	const v = new Float64Array(size);
	const grad = new Float64Array(size);
	const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
	const n = rows.length;

	for (let t = 1; t <= opts.iterations; t++) {
		grad.fill(0);
		for (const { x, y } of rows) {
			const scores = new Array<number>(classes).fill(0);
			for (const i of x) for (let k = 0; k < classes; k++) scores[k]! += w[i * classes + k]!;
			const p = softmax(scores);
			for (let k = 0; k < classes; k++) {
				const d = (p[k]! - (k === y ? 1 : 0)) / n;
				for (const i of x) grad[i * classes + k]! += d;
			}
		}
		for (let j = 0; j < size; j++) {
			const g = grad[j]! + l2[Math.floor(j / classes)]! * w[j]!;
			m[j] = beta1 * m[j]! + (1 - beta1) * g;
			v[j] = beta2 * v[j]! + (1 - beta2) * g * g;
			const mHat = m[j]! / (1 - beta1 ** t);
			const vHat = v[j]! / (1 - beta2 ** t);
			w[j]! -= (opts.learningRate * mHat) / (Math.sqrt(vHat) + eps);
		}
	}

	const weights: Weights = new Map();
	names.forEach((f, i) => weights.set(f, Array.from(w.subarray(i * classes, (i + 1) * classes))));
	return weights;
}
