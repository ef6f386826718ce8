import { Meilisearch, type Settings, type Task } from 'meilisearch';
import {
	clampLimit,
	clampOffset,
	type SearchEngine,
	type SearchHit,
	type SearchRef,
} from './engine.ts';
import type { SearchDocument, SearchKind } from './search-document.ts';
import { meiliSynonyms } from './synonyms.ts';
import { excerpt } from '#lib/text.ts';
import { markdownToText } from '#server/markdown/text.ts';
import { MARK_CLOSE, MARK_OPEN, markedTextToHtml, withoutMarks } from './text.ts';

export const DEFAULT_MEILI_INDEX = 'ot_portal_documents';
const REQUEST_TIMEOUT_MS = 3_000;
const TASK_TIMEOUT_MS = 30_000;

/** What we store per document in Meilisearch. */
interface MeiliDoc {
	id: string;
	kind: SearchKind;
	sourceId: string;
	title: string;
	body: string;
	url: string;
	section: string | null;
	sectionLabel: string | null;
	tags: string[];
	/** Curated answers (manuals, hints) edge out forum topics of equal relevance. */
	boost: number;
	updatedAt: number;
}

/** Index settings, made in code so a new Meilisearch instance needs nothing done by hand. */
export const MEILI_SETTINGS: Settings = {
	searchableAttributes: ['title', 'tags', 'sectionLabel', 'body'],
	filterableAttributes: ['kind', 'section'],
	sortableAttributes: ['updatedAt'],
	displayedAttributes: [
		'id',
		'kind',
		'sourceId',
		'title',
		'body',
		'url',
		'section',
		'sectionLabel',
	],
	rankingRules: [
		'words',
		'typo',
		'proximity',
		'attribute',
		'exactness',
		'boost:desc',
		'updatedAt:desc',
	],
	synonyms: meiliSynonyms(),
	typoTolerance: {
		enabled: true,
		minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
		disableOnNumbers: true,
	},
	localizedAttributes: [{ attributePatterns: ['*'], locales: ['eng', 'rus'] }],
	pagination: { maxTotalHits: 1000 },
};

export interface MeiliEngineOptions {
	url: string;
	apiKey?: string | undefined;
	indexUid?: string;
}

/** Meilisearch's document ids allow only `[A-Za-z0-9_-]`; source ids may hold `/`. */
export function meiliDocumentId(kind: SearchKind, sourceId: string): string {
	return `${kind}_${Buffer.from(sourceId, 'utf8').toString('base64url')}`;
}

function quoteFilterValue(value: string): string {
	return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function assertSucceeded(task: Task): void {
	if (task.status !== 'succeeded') {
		throw new Error(
			`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no details'}`,
		);
	}
}

/**
 * Meilisearch through the official client. Writes wait for their task so the worker only
 * marks outbox rows done once the documents are really indexed.
 */
export function createMeiliEngine(options: MeiliEngineOptions): SearchEngine {
	const client = new Meilisearch({
		host: options.url,
		apiKey: options.apiKey,
		timeout: REQUEST_TIMEOUT_MS,
	});
	const index = client.index<MeiliDoc>(options.indexUid ?? DEFAULT_MEILI_INDEX);
	let configured: Promise<void> | undefined;

	function ensureSettings(): Promise<void> {
		configured ??= (async () => {
			assertSucceeded(
				await index.updateSettings(MEILI_SETTINGS).waitTask({ timeout: TASK_TIMEOUT_MS }),
			);
		})().catch((error: unknown) => {
			configured = undefined;
			throw error;
		});
		return configured;
	}

	return {
		name: 'meilisearch',
		async upsert(docs: readonly SearchDocument[]) {
			if (docs.length === 0) return;
			await ensureSettings();
			const payload = docs.map(toMeiliDoc);
			assertSucceeded(
				await index
					.addDocuments(payload, { primaryKey: 'id' })
					.waitTask({ timeout: TASK_TIMEOUT_MS }),
			);
		},
		async remove(refs: readonly SearchRef[]) {
			if (refs.length === 0) return;
			await ensureSettings();
			const ids = refs.map((r) => meiliDocumentId(r.kind, r.sourceId));
			assertSucceeded(await index.deleteDocuments(ids).waitTask({ timeout: TASK_TIMEOUT_MS }));
		},
		async search(query) {
			await ensureSettings();
			const filter: string[][] = [];
			if (query.kinds && query.kinds.length > 0)
				filter.push(query.kinds.map((k) => `kind = ${quoteFilterValue(k)}`));
			if (query.section) filter.push([`section = ${quoteFilterValue(query.section)}`]);
			const response = await index.search(query.q, {
				limit: clampLimit(query.limit),
				offset: clampOffset(query.offset),
				...(filter.length > 0 ? { filter } : {}),
				attributesToCrop: ['body'],
				cropLength: 32,
				cropMarker: '…',
				attributesToHighlight: ['body'],
				highlightPreTag: MARK_OPEN,
				highlightPostTag: MARK_CLOSE,
				matchingStrategy: 'last',
			});
			return {
				hits: response.hits.map(toHit),
				total: response.estimatedTotalHits ?? response.hits.length,
			};
		},
		async clear() {
			await ensureSettings();
			assertSucceeded(await index.deleteAllDocuments().waitTask({ timeout: TASK_TIMEOUT_MS }));
		},
		async healthy() {
			try {
				return await client.isHealthy();
			} catch {
				return false;
			}
		},
	};
}

function toMeiliDoc(doc: SearchDocument): MeiliDoc {
	return {
		id: meiliDocumentId(doc.kind, doc.sourceId),
		kind: doc.kind,
		sourceId: doc.sourceId,
		title: doc.title,
		body: markdownToText(withoutMarks(doc.body)).slice(0, 60_000),
		url: doc.url,
		section: doc.section ?? null,
		sectionLabel: doc.sectionLabel ?? null,
		tags: doc.tags ?? [],
		boost: doc.kind === 'topic' ? 0 : 1,
		updatedAt: doc.updatedAt.getTime(),
	};
}

function toHit(hit: MeiliDoc & { _formatted?: Partial<MeiliDoc> }): SearchHit {
	const body = hit._formatted?.body ?? excerpt(hit.body, 200);
	return {
		kind: hit.kind,
		sourceId: hit.sourceId,
		title: hit.title,
		url: hit.url,
		snippet: markedTextToHtml(body),
		section: hit.section,
		sectionLabel: hit.sectionLabel,
	};
}
