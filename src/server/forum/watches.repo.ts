import type { Db } from '#server/db/schema.ts';
import type { Role } from '#server/db/schema.ts';

export async function setWatching(
	db: Db,
	userId: string,
	topicId: string,
	watch: boolean,
): Promise<void> {
	if (watch) {
		await db
			.insertInto('topic_watches')
			.values({ user_id: userId, topic_id: topicId })
			.onConflict((oc) => oc.columns(['user_id', 'topic_id']).doNothing())
			.execute();
	} else {
		await db
			.deleteFrom('topic_watches')
			.where('user_id', '=', userId)
			.where('topic_id', '=', topicId)
			.execute();
	}
}

/** Who watches a topic, with their roles (for notifications). */
export async function listWatchers(
	db: Db,
	topicId: string,
): Promise<{ userId: string; role: Role }[]> {
	const rows = await db
		.selectFrom('topic_watches as w')
		.innerJoin('users as u', 'u.id', 'w.user_id')
		.select(['u.id', 'u.role'])
		.where('w.topic_id', '=', topicId)
		.execute();
	return rows.map((r) => ({ userId: r.id, role: r.role }));
}
