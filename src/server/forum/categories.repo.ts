import type { Selectable } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import type { ForumCategoriesTable } from '#server/db/schema.ts';

export interface Category {
	id: string;
	slug: string;
	name: string;
	description: string;
	position: number;
	parentId: string | null;
	staffOnlyTopics: boolean;
}

export function toCategory(row: Selectable<ForumCategoriesTable>): Category {
	return {
		id: row.id,
		slug: row.slug,
		name: row.name,
		description: row.description,
		position: row.position,
		parentId: row.parent_id,
		staffOnlyTopics: row.staff_only_topics,
	};
}

/** All categories, parents' order first then children's (callers build the tree). */
export async function listCategories(db: Db): Promise<Category[]> {
	const rows = await db
		.selectFrom('forum_categories')
		.selectAll()
		.orderBy('position')
		.orderBy('name')
		.execute();
	return rows.map(toCategory);
}

export function findCategoryBySlug(db: Db, slug: string): Promise<Category | undefined> {
	return findCategoryWhere(db, 'slug', slug);
}

export function findCategoryById(db: Db, id: string): Promise<Category | undefined> {
	return findCategoryWhere(db, 'id', id);
}

async function findCategoryWhere(
	db: Db,
	column: 'id' | 'slug',
	value: string,
): Promise<Category | undefined> {
	const row = await db
		.selectFrom('forum_categories')
		.selectAll()
		.where(column, '=', value)
		.executeTakeFirst();
	return row && toCategory(row);
}

/** What staff set on a category (everything but its id). */
export type CategoryValues = Omit<Category, 'id'>;

function toRow(values: CategoryValues) {
	return {
		slug: values.slug,
		name: values.name,
		description: values.description,
		position: values.position,
		parent_id: values.parentId,
		staff_only_topics: values.staffOnlyTopics,
	};
}

export async function insertCategory(db: Db, values: CategoryValues): Promise<Category> {
	const row = await db
		.insertInto('forum_categories')
		.values(toRow(values))
		.returningAll()
		.executeTakeFirstOrThrow();
	return toCategory(row);
}

export async function updateCategory(db: Db, id: string, values: CategoryValues): Promise<void> {
	await db.updateTable('forum_categories').set(toRow(values)).where('id', '=', id).execute();
}

export async function deleteCategory(db: Db, id: string): Promise<void> {
	await db.deleteFrom('forum_categories').where('id', '=', id).execute();
}

/** Topics in the category itself (any state), to refuse deleting a category in use. */
export async function categoryInUse(db: Db, id: string): Promise<boolean> {
	const [topic, child] = await Promise.all([
		db
			.selectFrom('forum_topics')
			.select('id')
			.where('category_id', '=', id)
			.limit(1)
			.executeTakeFirst(),
		db
			.selectFrom('forum_categories')
			.select('id')
			.where('parent_id', '=', id)
			.limit(1)
			.executeTakeFirst(),
	]);
	return !!topic || !!child;
}
