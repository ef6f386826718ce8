import {
	DEFAULT_TRAIN_OPTIONS,
	predictProba,
	trainWeights,
	type TrainOptions,
	type Weights,
} from './classifier.ts';
import type { LabelledQuestion } from './dataset.ts';
import { extractFeatures } from './features.ts';
import { ROUTES, type Route } from './routes.ts';

/** The shape of model.json, written by `npm run router:train`. */
export interface RouterModelJson {
	readonly version: 1;
	readonly routes: readonly string[];
	readonly trainedOn: number;
	readonly options: TrainOptions;
	readonly weights: Readonly<Record<string, readonly number[]>>;
}

export interface Classification {
	readonly route: Route;
	/** Probability per route, in ROUTES order. */
	readonly probs: readonly number[];
}

const DECIMALS = 1e3;
/** Weights this small change no prediction; dropping them keeps model.json small. */
const PRUNE_BELOW = 0.03;

export function trainRouterModel(
	rows: readonly LabelledQuestion[],
	options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): RouterModelJson {
	const samples = rows.map((r) => ({
		features: extractFeatures(r.question).features,
		label: ROUTES.indexOf(r.route),
	}));
	const trained = trainWeights(samples, ROUTES.length, options);
	const weights: Record<string, number[]> = {};
	for (const [f, w] of trained) {
		if (f !== 'bias' && Math.max(...w.map(Math.abs)) < PRUNE_BELOW) continue;
		// `|| 0` turns -0 into 0, which is what JSON gives back.
		weights[f] = w.map((x) => Math.round(x * DECIMALS) / DECIMALS || 0);
	}
	return { version: 1, routes: [...ROUTES], trainedOn: rows.length, options, weights };
}

/**
 * Turn model.json into a lookup table.
 * @throws Error when the model was trained for a different list of routes.
 */
export function loadWeights(json: RouterModelJson): Weights {
	if (json.routes.join() !== ROUTES.join()) {
		throw new Error(
			`model.json routes [${json.routes.join()}] differ from [${ROUTES.join()}]; run npm run router:train`,
		);
	}
	return new Map(Object.entries(json.weights));
}

export function classifyFeatures(weights: Weights, features: readonly string[]): Classification {
	const probs = predictProba(weights, ROUTES.length, features);
	let best = 0;
	for (let k = 1; k < probs.length; k++) if (probs[k]! > probs[best]!) best = k;
	return { route: ROUTES[best] ?? 'self_service', probs };
}

/**
 * How strongly the question's own features (not the learned class prior) separate the best
 * route from the runner-up, in logits. Near 0 means the words say almost nothing.
 */
export function featureMargin(weights: Weights, features: readonly string[]): number {
	const scores = new Array<number>(ROUTES.length).fill(0);
	for (const f of features) {
		if (f === 'bias') continue;
		weights.get(f)?.forEach((w, k) => (scores[k]! += w));
	}
	const [first = 0, second = 0] = scores.sort((a, b) => b - a);
	return first - second;
}
