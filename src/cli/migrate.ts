// npm run db:migrate: applies pending migrations to DATABASE_URL or the PGlite under DATA_DIR.
import { closeDb, getDb, getDbKind } from '#server/db/client.ts';

try {
	await getDb(); // opening migrates to the latest schema
	console.log(`Database (${await getDbKind()}) is at the latest schema.`);
	await closeDb();
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
}
