import type { Db } from '#server/db/schema.ts';
import { markManualsIndexed } from '#server/search/manual-sync.ts';
import { listManualSearchDocuments } from '#server/manuals/manual-search.ts';
import { analyzeSearchTables, createPgEngine } from '#server/search/pg-engine.ts';
import type { SearchDocument } from '#server/search/search-document.ts';

/**
 * A synthetic but realistic corpus for the search benchmark: forum topics with posts written
 * from storefront vocabulary (English and some Russian), deterministic for a given seed.
 */
const SUBJECTS = [
	'cart',
	'checkout page',
	'product card',
	'category menu',
	'markup rule',
	'delivery method',
	'payment gateway',
	'yuan rate',
	'order status',
	'customer account',
	'email template',
	'search filter',
	'banner slider',
	'footer links',
	'mobile header',
	'Tmall import',
	'Taobao prices',
	'1688 supplier',
	'discount coupon',
	'currency rounding',
	'admin rights',
	'translation',
	'корзина',
	'карточка товара',
	'наценка',
	'доставка',
	'оплата заказа',
	'шаблон письма',
	'фильтр каталога',
	'курс юаня',
];
const ASKS = [
	'How can we change the',
	'We would like to redesign the',
	'Is it possible to add a field to the',
	'Custom widget for the',
	'Need extra functionality in the',
	'Move the block under the',
	'Different colours for the',
	'Hide the price in the',
	'Как изменить',
	'Хотим доработать',
	'Можно ли добавить поле в',
	'Нужна доработка:',
];
const SENTENCES = [
	'We use the latest storefront release and a custom theme.',
	'The client wants the layout to match their brand book.',
	'Our developer tried to edit the template but the changes are lost after an update.',
	'Please advise which hook or event to use for this customization.',
	'Prices come from the marketplace in yuan and the markup is applied per category.',
	'The mobile version should behave the same way as the desktop one.',
	'Orders are exported to 1C every night and the status must be kept.',
	'Customers asked for a cheaper delivery option for light parcels.',
	'Мы используем последнюю версию витрины и свою тему оформления.',
	'Клиенту нужно, чтобы дизайн совпадал с фирменным стилем.',
	'Подскажите, какой хук использовать для этой доработки.',
	'Цены приходят с площадки в юанях, наценка задаётся по категориям.',
];

function rng(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

export function syntheticTopics(count: number, seed = 42): SearchDocument[] {
	const next = rng(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
	return Array.from({ length: count }, (_, i) => {
		const title = `${pick(ASKS)} ${pick(SUBJECTS)} #${i + 1}`;
		const posts = Array.from({ length: 2 + Math.floor(next() * 5) }, () =>
			Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(SENTENCES)).join(' '),
		);
		return {
			kind: 'topic',
			sourceId: `bench-topic-${i + 1}`,
			title,
			body: posts.join('\n\n'),
			url: `/forum/topics/bench-topic-${i + 1}`,
			section: 'custom-development',
			sectionLabel: 'Co-development',
			updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
		};
	});
}

export function syntheticHints(count: number, seed = 7): SearchDocument[] {
	const next = rng(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
	return Array.from({ length: count }, (_, i) => ({
		kind: 'hint',
		sourceId: `bench-hint-${i + 1}`,
		title: `Hint: the ${pick(SUBJECTS)} in a minute`,
		body: `${pick(SENTENCES)} ${pick(SENTENCES)}`,
		url: `/hints/bench-hint-${i + 1}`,
		updatedAt: new Date(Date.UTC(2026, 0, 1)),
	}));
}

/** Loads topics, hints and every manual page into the built-in engine (one transaction). */
export async function seedSearchCorpus(
	db: Db,
	options: { topics: number; hints?: number; onProgress?: (done: number, total: number) => void },
): Promise<number> {
	const docs = [
		...listManualSearchDocuments(),
		...syntheticHints(options.hints ?? 150),
		...syntheticTopics(options.topics),
	];
	await db.transaction().execute(async (trx) => {
		const engine = createPgEngine(trx);
		for (let i = 0; i < docs.length; i += 200) {
			await engine.upsert(docs.slice(i, i + 200));
			options.onProgress?.(Math.min(i + 200, docs.length), docs.length);
		}
	});
	await markManualsIndexed(
		db,
		docs.filter((d) => d.kind === 'manual'),
	);
	await analyzeSearchTables(db);
	return docs.length;
}
