// Playwright's web server: a fresh DATA_DIR, the fixture accounts, then the built server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'));
process.env.DATA_DIR = dataDir;
process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));

const { openDb } = await import('#server/db/client.ts');
const { createUser } = await import('#server/users/users.service.ts');
const { createSession, generateSessionToken } = await import('#server/auth/sessions.ts');
const { E2E_PASSWORD, E2E_USERS } = await import('./users.ts');
const { SESSIONS_FILE } = await import('./sessions.ts');

// The fixture accounts, each with one session row whose token tests put in their cookie.
const { db } = await openDb();
const tokens: Record<string, string> = {};
for (const [name, user] of Object.entries(E2E_USERS)) {
	const created = await createUser(db, { ...user, password: E2E_PASSWORD });
	tokens[name] = generateSessionToken();
	await createSession(db, tokens[name], created.id);
}
await db.destroy();
fs.writeFileSync(SESSIONS_FILE, JSON.stringify(tokens));
process.on('exit', () => fs.rmSync(SESSIONS_FILE, { force: true }));
await import('../../../src/cli/serve.ts');
