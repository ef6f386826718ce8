import { sql } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import type { DATA_SET } from '../targets.ts';

/** One domain's bulk loader; the runner skips it (with a message) when its tables do not exist. */
export interface Seeder {
	name: string;
	tables: string[];
	/** Loads the rows; returns a one-line summary. */
	seed: (db: Db, sizes: typeof DATA_SET) => Promise<string>;
}

export async function missingTables(db: Db, tables: string[]): Promise<string[]> {
	const { rows } = await sql<{ name: string }>`
		select table_name as name from information_schema.tables
		where table_schema = current_schema() and table_name = any(${tables})`.execute(db);
	const present = new Set(rows.map((r) => r.name));
	return tables.filter((t) => !present.has(t));
}
