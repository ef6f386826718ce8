import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRoutingTsv, type LabelledQuestion } from '#server/triage/dataset.ts';
import { normalize } from '#server/triage/tokenize.ts';
import { routeQuestion } from '#server/triage/router.ts';

const path = (rel: string): string => fileURLToPath(new URL(rel, import.meta.url));
const TRAINING = path('../../../src/server/triage/training-data.tsv');
const HOLDOUTS = [path('./holdout.tsv'), path('./holdout-2.tsv')];
// The shared dev set lives next to the repository: <repo>/../shared/eval/routing-dev.tsv
const DEV = path('../../../../shared/eval/routing-dev.tsv');

const load = (file: string): LabelledQuestion[] => parseRoutingTsv(readFileSync(file, 'utf8'));
const accuracy = (rows: readonly LabelledQuestion[]): number =>
	rows.filter((r) => routeQuestion(r.question).route === r.route).length / rows.length;

describe('router evaluation', () => {
	it.each(HOLDOUTS)('reaches 95%% accuracy on held-out questions (%s)', (file) => {
		expect(accuracy(load(file))).toBeGreaterThanOrEqual(0.95);
	});

	it('never trains on a held-out or dev question', () => {
		const trained = new Set(load(TRAINING).map((r) => normalize(r.question)));
		const others = [...HOLDOUTS, ...(existsSync(DEV) ? [DEV] : [])].flatMap(load);
		expect(others.filter((r) => trained.has(normalize(r.question)))).toEqual([]);
	});

	const devTitle = existsSync(DEV)
		? 'reaches 95% accuracy on the dev set'
		: `dev accuracy check skipped: ${DEV} not found`;
	it.skipIf(!existsSync(DEV))(devTitle, () => {
		const rows = load(DEV);
		expect(rows.length).toBeGreaterThan(0);
		expect(accuracy(rows)).toBeGreaterThanOrEqual(0.95);
	});
});
