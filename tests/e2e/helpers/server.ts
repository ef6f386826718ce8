// Playwright's web server: a fresh DATA_DIR, the fixture accounts, then the built server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'));
process.env.DATA_DIR = dataDir;
process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));

const { openDb } = await import('#server/db/client.ts');
const { createUser } = await import('#server/users/users.service.ts');
const { E2E_PASSWORD, E2E_USERS } = await import('./users.ts');

const { db } = await openDb();
for (const user of Object.values(E2E_USERS)) {
	await createUser(db, { ...user, password: E2E_PASSWORD });
}
await db.destroy();
await import('../../../src/cli/serve.ts');
