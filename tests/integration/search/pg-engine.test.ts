import { createPgEngine } from '#server/search/pg-engine.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { engineContract } from './engine-contract.ts';

describeEachDb('built-in search engine (PostgreSQL full-text)', (use) => {
	engineContract(() => createPgEngine(use()));
});
