// The server started exactly as the README says (`npm run serve`, NODE_ENV unset, no test switch)
// must take the time from its own clock only: the `x-portal-now` header that e2e runs use must
// change nothing there (ticket due times, the hours badge, rate-limit windows).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createPgliteDb } from '#server/db/client.ts';
import {
	expect,
	request as playwrightRequest,
	test,
	type APIRequestContext,
} from '@playwright/test';

const A_MONTH_AGO = new Date(Date.now() - 31 * 24 * 3600_000);
const HOUR_MS = 3600_000;

let child: ChildProcess;
let dataDir: string;
let baseURL: string;
let api: APIRequestContext;
let password: string;
const email = 'clock-customer@e2e.test';

/** The environment of a shell that follows the README: none of the test harness's switches. */
function readmeEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env = { ...process.env, ...extra };
	for (const key of [
		'PORTAL_TEST_CLOCK',
		'PORTAL_FAKE_NOW',
		'NODE_ENV',
		'TRUST_PROXY',
		'DATABASE_URL',
	]) {
		delete env[key];
	}
	return env;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port')),
			);
		});
	});
}

async function waitForHealth(url: string): Promise<void> {
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`npm run serve exited with ${child.exitCode}`);
		try {
			if ((await fetch(`${url}/api/health`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error('npm run serve did not become healthy');
}

test.describe.configure({ mode: 'serial', timeout: 150_000 });

test.beforeAll(async () => {
	test.setTimeout(150_000);
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-readme-'));
	const env = readmeEnv({ DATA_DIR: dataDir, SEED_SAMPLE_CONTENT: '0' });
	// The README's way to make an account (before the server: one process per embedded database).
	const created = spawnSync(
		'npm',
		[
			'run',
			'--silent',
			'user',
			'--',
			'create',
			'--email',
			email,
			'--role',
			'customer',
			'--name',
			'Clock Customer',
		],
		{
			env,
			encoding: 'utf8',
		},
	);
	expect(created.status, created.stderr).toBe(0);
	password = /Generated password: (\S+)/.exec(created.stdout)?.[1] ?? '';
	expect(password).not.toBe('');

	const port = await freePort();
	baseURL = `http://127.0.0.1:${port}`;
	child = spawn('npm', ['run', '--silent', 'serve'], {
		env: { ...env, PORT: String(port) },
		stdio: 'ignore',
		detached: true,
	});
	await waitForHealth(baseURL);
	api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
});

async function stopServer(): Promise<void> {
	if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	process.kill(-child.pid, 'SIGTERM');
	await exited;
}

/** npm exits before the server it started: wait until the server has released the database. */
async function openWhenReleased(dir: string) {
	for (let attempt = 0; ; attempt++) {
		try {
			return await createPgliteDb(dir);
		} catch (error) {
			if (attempt > 100 || !/in use by process/.test(String(error))) throw error;
			await new Promise((r) => setTimeout(r, 100));
		}
	}
}

test.afterAll(async () => {
	await api?.dispose();
	await stopServer();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the hours badge and status ignore x-portal-now', async () => {
	const status = async (headers: Record<string, string>) => {
		const res = await api.get('/api/support/status', { headers });
		expect(res.status()).toBe(200);
		return ((await res.json()) as { departments: Record<string, { open: boolean }> }).departments;
	};
	const real = await status({});
	// A Wednesday noon and a Sunday night in Moscow: one of them differs from any real instant.
	for (const pinned of ['2026-11-25T12:00:00+03:00', '2026-11-29T23:00:00+03:00']) {
		expect(await status({ 'x-portal-now': pinned })).toEqual(real);
	}
	const home = async (headers: Record<string, string>) =>
		/data-support-badge[\s\S]*?<\/a>/.exec(await (await api.get('/', { headers })).text())?.[0];
	const badge = await home({});
	expect(badge).toBeTruthy();
	expect(await home({ 'x-portal-now': '2026-11-29T23:00:00+03:00' })).toBe(badge);
	expect(await home({ 'x-portal-now': '2026-11-25T12:00:00+03:00' })).toBe(badge);
});

test('failed logins count in one window whatever time the header claims', async () => {
	const target = { email: 'nobody-clock@e2e.test', password: 'wrong password 1' };
	const statuses: number[] = [];
	for (let attempt = 0; attempt < 6; attempt++) {
		// Each attempt claims to come a day after the last: a honoured header would reset the window.
		const claimed = new Date(Date.now() + (attempt + 1) * 25 * HOUR_MS).toISOString();
		const res = await api.post('/_actions/auth.login', {
			form: target,
			headers: { 'x-portal-now': claimed },
		});
		statuses.push(res.status());
	}
	expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
	expect(statuses[5]).toBe(429);
});

// Last: it stops the server to read the database.
test('a ticket sent with a month-old x-portal-now is dated now', async () => {
	const login = await api.post('/login?_action=auth.login', {
		form: { email, password, next: '/' },
		maxRedirects: 0,
	});
	expect(login.status()).toBe(303);
	const before = Date.now();
	const res = await api.post('/tickets/new?_action=tickets.create', {
		form: {
			subject: 'Report figures look wrong since the update',
			description: 'The monthly report shows doubled totals.',
			severity: '4',
			category: 'other',
			siteUrl: '',
		},
		headers: { 'x-portal-now': A_MONTH_AGO.toISOString() },
		maxRedirects: 0,
	});
	expect(res.status(), await res.text()).toBe(303);
	const number = /\/tickets\/(\d+)/.exec(res.headers().location ?? '')?.[1];
	expect(number).toBeTruthy();
	const after = Date.now();
	// Read what was stored once the server has let go of its embedded database.
	await stopServer();
	const db = await openWhenReleased(path.join(dataDir, 'pglite'));
	try {
		const row = await db
			.selectFrom('tickets')
			.select(['created_at', 'first_response_due_at'])
			.where('number', '=', Number(number))
			.executeTakeFirstOrThrow();
		expect(new Date(row.created_at).getTime()).toBeGreaterThanOrEqual(before - 1_000);
		expect(new Date(row.created_at).getTime()).toBeLessThanOrEqual(after + 1_000);
		expect(new Date(row.first_response_due_at).getTime()).toBeGreaterThan(before);
	} finally {
		await db.destroy();
	}
});
