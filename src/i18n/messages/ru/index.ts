/** The Russian catalog, typed against the English one: a missing domain or key fails `astro check`. */
import type { SourceCatalog } from '../en/index.ts';
import type { Translation } from '../types.ts';
import common from './common.ts';
import manuals from './manuals.ts';

export const ru: { readonly [D in keyof SourceCatalog]: Translation<SourceCatalog[D], 'ru'> } = {
	common,
	manuals,
};
