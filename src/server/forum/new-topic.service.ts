/**
 * What the new-topic form needs: the categories the user may start topics in and suggestions.
 */
import { isStaff } from '#server/auth/guards.ts';
import type { SessionUser } from '#server/auth/sessions.ts';
import type { Db } from '#server/db/schema.ts';
import { flattenTree, listCategoryTree, type CategoryNode } from './categories.service.ts';
import { suggestSimilar, type Suggestion } from './similar.ts';

export interface NewTopicForm {
	categories: { category: CategoryNode; depth: number }[];
	suggestions: Suggestion[];
}

export async function getNewTopicForm(
	db: Db,
	user: SessionUser,
	{ similarTo }: { similarTo: string },
): Promise<NewTopicForm> {
	const [tree, suggestions] = await Promise.all([
		listCategoryTree(db, user),
		similarTo.trim().length >= 3 ? suggestSimilar(db, similarTo) : [],
	]);
	const categories = flattenTree(tree).filter(
		({ category }) => !category.staffOnlyTopics || isStaff(user),
	);
	return { categories, suggestions };
}
