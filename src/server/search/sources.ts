import type { Db } from '#server/db/client.ts';
import { listTopicSearchDocuments } from '#server/forum/forum-search.ts';
import { listHintSearchDocuments } from '#server/hints/hints-search.ts';
import { listManualSearchDocuments } from './manuals-source.ts';
import type { SearchDocument, SearchKind } from './search-document.ts';

/** Where the public search documents come from, for `npm run search:reindex`. */
export interface SearchSource {
	kind: SearchKind;
	/** Shown on the progress bar. */
	label: string;
	list: (db: Db) => Promise<SearchDocument[]> | SearchDocument[];
}

/**
 * Every source of public search documents. Adding one is one line: the domain exports
 * `list…SearchDocuments(db)` returning only what the public may see (published, visible).
 */
export const SEARCH_SOURCES: readonly SearchSource[] = [
	{ kind: 'manual', label: 'manual pages', list: () => listManualSearchDocuments() },
	{ kind: 'hint', label: 'published hints', list: listHintSearchDocuments },
	{ kind: 'topic', label: 'forum topics', list: listTopicSearchDocuments },
];
