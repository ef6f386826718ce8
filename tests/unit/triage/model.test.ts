import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRoutingTsv } from '#server/triage/dataset.ts';
import { loadWeights, trainRouterModel, type RouterModelJson } from '#server/triage/model.ts';
import shipped from '#server/triage/model.json' with { type: 'json' };

const TRAINING = fileURLToPath(
	new URL('../../../src/server/triage/training-data.tsv', import.meta.url),
);

describe('shipped model', () => {
	it('was trained on the current training data (run npm run router:train if not)', () => {
		const model = shipped as unknown as RouterModelJson;
		const retrained = trainRouterModel(
			parseRoutingTsv(readFileSync(TRAINING, 'utf8')),
			model.options,
		);
		expect(retrained.trainedOn).toBe(model.trainedOn);
		expect(retrained.weights).toEqual(model.weights);
	});

	it('refuses a model trained for other routes', () => {
		const model = shipped as unknown as RouterModelJson;
		expect(() => loadWeights({ ...model, routes: ['a', 'b'] })).toThrow(/router:train/);
	});
});
