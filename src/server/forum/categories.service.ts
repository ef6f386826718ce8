/**
 * Forum categories: the ordered tree everyone browses, managed by staff.
 */
import type { Db } from '#server/db/schema.ts';
import { BadRequestError, ConflictError, NotFoundError } from '#server/errors.ts';
import { recordModeration } from '#server/moderation/moderation-log.ts';
import { requireStaff, seesHidden, type Viewer } from './access.ts';
import {
	categoryInUse,
	deleteCategory,
	findCategoryById,
	findCategoryBySlug,
	insertCategory,
	listCategories,
	updateCategory,
	type Category,
} from './categories.repo.ts';
import { CategoryRefSchema, CategorySchema, parseInput } from './forum.schema.ts';
import { countTopicsPerCategory } from './topic-lists.repo.ts';

export interface CategoryNode extends Category {
	/** Topics in the category itself, visible to the viewer. */
	topicCount: number;
	children: CategoryNode[];
}

/** Roots in order, each with its children in order. */
export function buildCategoryTree(
	categories: readonly Category[],
	counts: ReadonlyMap<string, number> = new Map(),
): CategoryNode[] {
	const byPosition = (a: Category, b: Category) =>
		a.position - b.position || a.name.localeCompare(b.name);
	const nodes = new Map(
		categories.map((c) => [
			c.id,
			{ ...c, topicCount: counts.get(c.id) ?? 0, children: [] as CategoryNode[] },
		]),
	);
	const roots: CategoryNode[] = [];
	for (const node of [...nodes.values()].sort(byPosition)) {
		const parent = node.parentId ? nodes.get(node.parentId) : undefined;
		(parent ? parent.children : roots).push(node);
	}
	return roots;
}

/** The category tree with topic counts the viewer may see. */
export async function listCategoryTree(
	db: Db,
	viewer: Viewer,
	topicCounts?: Map<string, number>,
): Promise<CategoryNode[]> {
	const [categories, counts] = await Promise.all([
		listCategories(db),
		topicCounts ?? countTopicsPerCategory(db, seesHidden(viewer)),
	]);
	return buildCategoryTree(categories, counts);
}

/** Categories a topic can be started in, flattened in tree order with depth (for selects). */
export function flattenTree(
	tree: readonly CategoryNode[],
): { category: CategoryNode; depth: number }[] {
	const out: { category: CategoryNode; depth: number }[] = [];
	const walk = (nodes: readonly CategoryNode[], depth: number) => {
		for (const node of nodes) {
			out.push({ category: node, depth });
			walk(node.children, depth + 1);
		}
	};
	walk(tree, 0);
	return out;
}

/**
 * Creates or updates a category (`input.id` set). Categories nest one level deep.
 * @throws ForbiddenError for non-staff; BadRequestError (fields); ConflictError on a taken slug.
 */
export async function saveCategory(db: Db, viewer: Viewer, input: unknown): Promise<Category> {
	const staff = requireStaff(viewer);
	const data = parseInput(CategorySchema, input);
	const existing = data.id ? await findCategoryById(db, data.id) : undefined;
	if (data.id && !existing) throw new NotFoundError('That category does not exist.');
	const sameSlug = await findCategoryBySlug(db, data.slug);
	if (sameSlug && sameSlug.id !== existing?.id) {
		throw new ConflictError('That slug is taken.', {
			slug: 'Another category uses this slug already.',
		});
	}
	let parentId: string | null = null;
	if (data.parentSlug) {
		const parent = await findCategoryBySlug(db, data.parentSlug);
		if (!parent)
			throw new BadRequestError('Choose a parent category.', {
				parentSlug: 'Choose one of the categories.',
			});
		if (parent.parentId || parent.id === existing?.id) {
			throw new BadRequestError('Categories nest one level deep.', {
				parentSlug: 'Choose a top-level category other than this one.',
			});
		}
		if (existing && (await hasChildren(db, existing.id))) {
			throw new BadRequestError('This category has sub-categories.', {
				parentSlug: 'A category with sub-categories stays top-level.',
			});
		}
		parentId = parent.id;
	}
	const values = {
		slug: data.slug,
		name: data.name,
		description: data.description,
		position: data.position,
		parentId,
		staffOnlyTopics: data.staffOnlyTopics,
	};
	return db.transaction().execute(async (trx) => {
		const saved = existing ? { ...existing, ...values } : await insertCategory(trx, values);
		if (existing) await updateCategory(trx, existing.id, values);
		await recordModeration(trx, {
			actorId: staff.id,
			action: existing ? 'category.update' : 'category.create',
			targetType: 'category',
			targetId: saved.id,
			details:
				existing && existing.slug !== saved.slug
					? `${saved.name} (slug ${existing.slug} → ${saved.slug})`
					: saved.name,
		});
		return saved;
	});
}

/** Deletes an empty category. @throws ForbiddenError, NotFoundError, ConflictError when in use. */
export async function removeCategory(db: Db, viewer: Viewer, input: unknown): Promise<void> {
	const staff = requireStaff(viewer);
	const { id } = parseInput(CategoryRefSchema, input);
	const category = await findCategoryById(db, id);
	if (!category) throw new NotFoundError('That category does not exist.');
	if (await categoryInUse(db, id))
		throw new ConflictError(
			`${category.name} still has topics or sub-categories: move them first.`,
		);
	await db.transaction().execute(async (trx) => {
		await deleteCategory(trx, id);
		await recordModeration(trx, {
			actorId: staff.id,
			action: 'category.delete',
			targetType: 'category',
			targetId: id,
			details: category.name,
		});
	});
}

async function hasChildren(db: Db, id: string): Promise<boolean> {
	return (await listCategories(db)).some((c) => c.parentId === id);
}
