import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import type { Database, HintState, HintsTable } from '#server/db/schema.ts';

/** The content a revision snapshots (everything staff edit). */
export interface HintContent {
	slug: string;
	title: string;
	body: string;
	tags: string[];
	relatedManuals: string[];
	state: HintState;
	publishedAt: Date | null;
}

export interface Hint extends HintContent {
	id: string;
	authorId: string | null;
	authorName: string | null;
	updatedById: string | null;
	/** Number of the latest revision. */
	version: number;
	createdAt: Date;
	updatedAt: Date;
}

type HintRow = Selectable<HintsTable> & { author_name: string | null };

export function toDate(value: Date | string): Date {
	return value instanceof Date ? value : new Date(value);
}

/** What staff edit, from a hint row or a revision row. */
export function toHintContent(
	row: Pick<
		HintRow,
		'slug' | 'title' | 'body' | 'tags' | 'related_manuals' | 'state' | 'published_at'
	>,
): HintContent {
	return {
		slug: row.slug,
		title: row.title,
		body: row.body,
		tags: row.tags ?? [],
		relatedManuals: row.related_manuals ?? [],
		state: row.state,
		publishedAt: row.published_at ? toDate(row.published_at) : null,
	};
}

function toHint(row: HintRow): Hint {
	return {
		id: row.id,
		...toHintContent(row),
		authorId: row.author_id,
		authorName: row.author_name,
		updatedById: row.updated_by,
		version: Number(row.version),
		createdAt: toDate(row.created_at),
		updatedAt: toDate(row.updated_at),
	};
}

function selectHints(db: Db) {
	return db
		.selectFrom('hints')
		.leftJoin('users', 'users.id', 'hints.author_id')
		.selectAll('hints')
		.select('users.display_name as author_name');
}

/** Published and due: what anyone may read at `now`. */
export function isPublicAt(now: Date) {
	return (eb: ExpressionBuilder<Database, 'hints'>) =>
		eb.and([eb('hints.state', '=', 'published'), eb('hints.published_at', '<=', now)]);
}

function hasTag(tag: string) {
	return sql<boolean>`${tag} = any(hints.tags)`;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findHintById(db: Db, id: string): Promise<Hint | undefined> {
	// Not a uuid: PostgreSQL would reject the comparison, and no hint can have that id.
	if (!UUID_RE.test(id)) return undefined;
	const row = await selectHints(db).where('hints.id', '=', id).executeTakeFirst();
	return row && toHint(row);
}

export async function findHintBySlug(db: Db, slug: string): Promise<Hint | undefined> {
	const row = await selectHints(db).where('hints.slug', '=', slug).executeTakeFirst();
	return row && toHint(row);
}

export async function isSlugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
	let query = db.selectFrom('hints').select('id').where('slug', '=', slug);
	if (exceptId) query = query.where('id', '!=', exceptId);
	return (await query.executeTakeFirst()) !== undefined;
}

export async function countAllHints(db: Db): Promise<number> {
	const row = await db
		.selectFrom('hints')
		.select(sql<number>`count(*)::int`.as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The columns of what staff edit, as hints and their revisions store them. */
export function hintContentColumns(content: HintContent) {
	return {
		slug: content.slug,
		title: content.title,
		body: content.body,
		tags: [...content.tags],
		related_manuals: [...content.relatedManuals],
		state: content.state,
		published_at: content.publishedAt,
	};
}

export interface InsertHint extends HintContent {
	authorId: string | null;
	indexPending: boolean;
	createdAt?: Date;
}

/** Inserts a hint unless its slug exists; `undefined` on a slug clash. */
export async function insertHint(db: Db, values: InsertHint): Promise<Hint | undefined> {
	const row = await db
		.insertInto('hints')
		.values({
			...hintContentColumns(values),
			author_id: values.authorId,
			updated_by: values.authorId,
			index_pending: values.indexPending,
			...(values.createdAt ? { created_at: values.createdAt, updated_at: values.createdAt } : {}),
		})
		.onConflict((oc) => oc.column('slug').doNothing())
		.returning('id')
		.executeTakeFirst();
	return row && findHintById(db, row.id);
}

/**
 * Writes new content when the hint is still at `expectedVersion`, bumping the version.
 * `undefined` when someone else saved first (or the hint is gone).
 */
export async function updateHintContent(
	db: Db,
	id: string,
	expectedVersion: number,
	values: HintContent & { updatedBy: string; indexPending: boolean; now: Date },
): Promise<Hint | undefined> {
	const row = await db
		.updateTable('hints')
		.set({
			...hintContentColumns(values),
			updated_by: values.updatedBy,
			index_pending: values.indexPending,
			version: sql<number>`version + 1`,
			updated_at: values.now,
		})
		.where('id', '=', id)
		.where('version', '=', expectedVersion)
		.returning('id')
		.executeTakeFirst();
	return row && findHintById(db, row.id);
}

export interface PublicHintPage {
	hints: Hint[];
	total: number;
}

/** Public hints at `now`, newest publish date first, optionally with `tag`. */
export async function listPublicHintRows(
	db: Db,
	options: { now: Date; tag?: string | undefined; limit: number; offset: number },
): Promise<PublicHintPage> {
	let base = db.selectFrom('hints').where(isPublicAt(options.now));
	if (options.tag) base = base.where(hasTag(options.tag));
	const totalRow = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
	let query = selectHints(db).where(isPublicAt(options.now));
	if (options.tag) query = query.where(hasTag(options.tag));
	const rows = await query
		.orderBy('hints.published_at', 'desc')
		.orderBy('hints.id')
		.limit(options.limit)
		.offset(options.offset)
		.execute();
	return { hints: rows.map(toHint), total: Number(totalRow.n) };
}

/** Tags of public hints with how many hints carry each, most used first. */
export async function listPublicTagCounts(
	db: Db,
	now: Date,
): Promise<{ tag: string; count: number }[]> {
	const result = await sql<{ tag: string; count: number }>`
		select tag, count(*)::int as count
		from hints, unnest(hints.tags) as tag
		where hints.state = 'published' and hints.published_at <= ${now}
		group by tag
		order by count desc, tag asc`.execute(db);
	return result.rows.map((r) => ({ tag: r.tag, count: Number(r.count) }));
}

export type StaffHintRowFilter =
	{ kind: 'all' } | { kind: 'state'; state: HintState } | { kind: 'scheduled'; now: Date };

/** Every hint for the staff list, most recently changed first. */
export async function listHintRows(db: Db, filter: StaffHintRowFilter): Promise<Hint[]> {
	let query = selectHints(db);
	if (filter.kind === 'state') query = query.where('hints.state', '=', filter.state);
	if (filter.kind === 'scheduled') {
		query = query
			.where('hints.state', '=', 'published')
			.where('hints.published_at', '>', filter.now);
	}
	const rows = await query.orderBy('hints.updated_at', 'desc').orderBy('hints.id').execute();
	return rows.map(toHint);
}

/** Every public hint at `now` (search reindex, feed). */
export async function listAllPublicHints(db: Db, now: Date, limit?: number): Promise<Hint[]> {
	let query = selectHints(db)
		.where(isPublicAt(now))
		.orderBy('hints.published_at', 'desc')
		.orderBy('hints.id');
	if (limit) query = query.limit(limit);
	return (await query.execute()).map(toHint);
}

/**
 * Clears `index_pending` on published hints whose date has come and returns them; row locks make
 * concurrent callers each get different hints.
 */
export async function takeDueScheduledHints(db: Db, now: Date): Promise<Hint[]> {
	const rows = await db
		.updateTable('hints')
		.set({ index_pending: false })
		.where('index_pending', '=', true)
		.where('state', '=', 'published')
		.where('published_at', '<=', now)
		.returning('id')
		.execute();
	const hints: Hint[] = [];
	for (const row of rows) {
		const hint = await findHintById(db, row.id);
		if (hint) hints.push(hint);
	}
	return hints;
}

/** Whether any hint is waiting for its publish date to reach the index (cheap, indexed). */
export async function hasDueScheduledHints(db: Db, now: Date): Promise<boolean> {
	const row = await db
		.selectFrom('hints')
		.select('id')
		.where('index_pending', '=', true)
		.where('published_at', '<=', now)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}
