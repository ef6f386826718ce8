// Two server instances on one PostgreSQL database (a fresh database on the shared server, dropped
// afterwards): a session made on one is valid on the other, a post made on one is listed and
// searchable on the other, and rate limits count across both.
import pg from 'pg';
import { check } from '../tools/report.ts';
import {
	fakeAddress,
	sleep,
	startServer,
	waitHealthy,
	type ServerProcess,
} from '../tools/server-process.ts';
import { signUpForCookie } from './load.ts';

const ADMIN_URL = process.env.FAULTS_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function post(
	server: ServerProcess,
	path: string,
	form: Record<string, string>,
	headers: Record<string, string> = {},
): Promise<Response> {
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: {
			origin: server.url,
			'content-type': 'application/x-www-form-urlencoded',
			...headers,
		},
		body: new URLSearchParams(form),
		redirect: 'manual',
	});
}

async function until(what: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await what()) return true;
		await sleep(500);
	}
	return false;
}

async function sessions(a: ServerProcess, b: ServerProcess): Promise<void> {
	const cookie = await signUpForCookie(a, 'two');
	const onB = await fetch(`${b.url}/account`, { headers: { cookie }, redirect: 'manual' });
	check(
		'a session made on A is valid on B',
		onB.status === 200,
		`GET /account on B: ${onB.status}`,
	);
	const logout = await post(b, '/_actions/auth.logout', {}, { cookie });
	const afterLogout = await fetch(`${a.url}/account`, { headers: { cookie }, redirect: 'manual' });
	check(
		'logging out on B ends the session on A',
		logout.ok && afterLogout.status === 302,
		`logout ${logout.status}, then A: ${afterLogout.status}`,
	);
}

async function rateLimits(a: ServerProcess, b: ServerProcess): Promise<void> {
	const form = { email: `limit-${crypto.randomUUID()}@faults.test`, password: 'wrong password 1' };
	const statuses: number[] = [];
	for (let attempt = 0; attempt < 5; attempt++) {
		statuses.push(
			(
				await post(attempt % 2 ? b : a, '/_actions/auth.login', form, {
					'x-forwarded-for': fakeAddress(),
				})
			).status,
		);
	}
	const sixthOnB = await post(b, '/_actions/auth.login', form, {
		'x-forwarded-for': fakeAddress(),
	});
	const onA = await post(a, '/_actions/auth.login', form, { 'x-forwarded-for': fakeAddress() });
	check(
		'failed logins alternating A/B lock the account on both after five',
		statuses.every((s) => s === 401) &&
			sixthOnB.status === 429 &&
			onA.status === 429 &&
			!!sixthOnB.headers.get('retry-after'),
		`A/B: ${statuses.join(',')} then B ${sixthOnB.status} (Retry-After ${sixthOnB.headers.get('retry-after')}), A ${onA.status}`,
	);
}

async function posts(a: ServerProcess, b: ServerProcess): Promise<void> {
	const cookie = await signUpForCookie(a, 'poster');
	const word = `zq${crypto.randomUUID().replaceAll('-', '').slice(0, 10)}`;
	const title = `Two instances ${word} share one forum`;
	const created = await post(
		a,
		'/_actions/forum.createTopic',
		{
			categorySlug: 'design-changes',
			title,
			body: `Posted on instance A, looked up on B: ${word}.`,
		},
		{ cookie },
	);
	if (!created.ok) {
		check(
			'a topic posted on A is listed on B',
			false,
			`create on A answered ${created.status}: ${(await created.text()).slice(0, 200)}`,
		);
		return;
	}
	const listed = await until(
		async () => (await (await fetch(`${b.url}/forum/c/design-changes`)).text()).includes(word),
		10_000,
	);
	check('a topic posted on A is listed on B', listed);
	const found = await until(
		async () => (await (await fetch(`${b.url}/search?q=${word}`)).text()).includes(word),
		30_000,
	);
	check(
		'a topic posted on A is found by search on B',
		found,
		found ? undefined : 'not in /search on B within 30 s',
	);
}

export async function run(): Promise<void> {
	const name = `portal_two_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
	const admin = new pg.Client({ connectionString: ADMIN_URL });
	await admin.connect();
	await admin.query(`create database ${name}`);
	const url = new URL(ADMIN_URL);
	url.pathname = `/${name}`;
	const env = { DATABASE_URL: url.href, TRUST_PROXY: '1' };
	const servers: ServerProcess[] = [];
	try {
		servers.push(await startServer(env));
		await waitHealthy(servers[0]!);
		servers.push(await startServer(env));
		await waitHealthy(servers[1]!);
		const [a, b] = servers as [ServerProcess, ServerProcess];
		await sessions(a, b);
		await rateLimits(a, b);
		await posts(a, b);
	} finally {
		await Promise.all(servers.map((s) => s.stop()));
		await admin.query(`drop database if exists ${name} with (force)`);
		await admin.end();
	}
}
