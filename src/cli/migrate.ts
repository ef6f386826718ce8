// npm run db:migrate: applies pending migrations to DATABASE_URL or the PGlite under DATA_DIR.
import { openDb } from '#server/db/client.ts';

try {
	const { db, kind } = await openDb(); // opening migrates to the latest schema
	console.log(`Database (${kind}) is at the latest schema.`);
	await db.destroy();
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
}
