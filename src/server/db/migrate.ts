import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrations } from '#db/migrations/index.ts';

/**
 * Applies every registered migration not yet applied. Throws with the failing migration's name.
 * `schema` names the schema of Kysely's own bookkeeping tables when the database has several.
 */
export async function migrateToLatest(db: Kysely<any>, options: { schema?: string } = {}): Promise<string[]> {
	// NOTE: without `migrationTableSchema` Kysely looks for its tables in EVERY schema, so a test
	// schema created concurrently next to ours made it skip creating our lock table (42P01).
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => migrations },
		...(options.schema ? { migrationTableSchema: options.schema } : {}),
	});
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
