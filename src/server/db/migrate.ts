import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrations } from '#db/migrations/index.ts';

/** Applies every registered migration not yet applied. Throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
	const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
	const { error, results } = await migrator.migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`, {
			cause: error,
		});
	}
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
