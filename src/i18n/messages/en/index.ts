/**
 * The English catalog: one file per domain, the source of truth for every other language.
 * Adding a domain: `en/<domain>.ts`, `ru/<domain>.ts` and one line in each index.
 */
import common from './common.ts';
import manuals from './manuals.ts';

export const en = {
	common,
	manuals,
} as const;

export type SourceCatalog = typeof en;
