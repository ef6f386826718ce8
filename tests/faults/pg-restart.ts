// PostgreSQL restarted under load, on a private cluster: requests during the outage get 503 with
// Retry-After (never a crash or another 5xx), service resumes within 10 s of the database
// returning without a server restart, and every acknowledged sign-up exists exactly once.
import pg from 'pg';
import { check, skip } from '../tools/report.ts';
import { createPrivateCluster, privateClusterUnavailable } from '../tools/private-postgres.ts';
import { sleep, startServer, waitHealthy } from '../tools/server-process.ts';
import { signUpForCookie, startLoad, type Sample } from './load.ts';

const OUTAGE_MS = 5_000;
const RECOVERY_LIMIT_MS = 10_000;

function badResponses(samples: Sample[]): Sample[] {
	return samples.filter(
		(s) => s.status === 0 || (s.status >= 500 && !(s.status === 503 && s.retryAfter)),
	);
}

export async function run(): Promise<void> {
	const why = privateClusterUnavailable();
	if (why) return skip('PostgreSQL restart under load', why);
	const cluster = await createPrivateCluster();
	const server = await startServer({ DATABASE_URL: cluster.url, TRUST_PROXY: '1' });
	try {
		await waitHealthy(server);
		const cookie = await signUpForCookie(server, 'restart');
		const load = startLoad(server, cookie);
		await sleep(4_000);
		const stoppedAt = Date.now();
		cluster.stop('fast');
		console.log(
			`  PostgreSQL stopped (${Date.now() - stoppedAt} ms); restarting in ${OUTAGE_MS / 1000} s`,
		);
		await sleep(OUTAGE_MS);
		cluster.start();
		const upAt = Date.now();
		console.log(`  PostgreSQL accepting connections again`);
		await sleep(RECOVERY_LIMIT_MS + 3_000);
		await load.stop();

		const samples = load.samples;
		const bad = badResponses(samples);
		const unavailable = samples.filter((s) => s.status === 503);
		console.log(`  ${samples.length} requests: ${summarise(samples)}`);
		check('server process survived the outage', server.child.exitCode === null);
		check(
			'outage was observed (503s while the database was down)',
			unavailable.length > 0,
			`${unavailable.length} × 503`,
		);
		const clean = check(
			'every 5xx is a 503 with Retry-After; no connection errors',
			bad.length === 0,
			bad
				.slice(0, 3)
				.map((s) => `${s.kind} ${s.status} ${s.error ?? ''}`)
				.join('; '),
		);
		if (!clean) console.log(`  server said:\n${distinctErrors(server.output())}`);
		const firstOk = samples.find((s) => s.at >= upAt && s.kind === 'health' && s.status === 200);
		const recovery = firstOk ? firstOk.at - upAt : Infinity;
		check(
			'service resumes within 10 s of the database returning',
			recovery <= RECOVERY_LIMIT_MS,
			`${(recovery / 1000).toFixed(1)} s`,
		);
		const lateFailures = samples.filter((s) => s.at > upAt + RECOVERY_LIMIT_MS && s.status >= 500);
		check(
			'no 5xx once recovered',
			lateFailures.length === 0,
			`${lateFailures.length} late failures`,
		);

		const acked = samples
			.filter((s) => s.kind === 'signup' && s.status === 200)
			.map((s) => s.email!);
		const unacked = samples
			.filter((s) => s.kind === 'signup' && s.status !== 200)
			.map((s) => s.email!);
		const client = new pg.Client({ connectionString: cluster.url });
		await client.connect();
		try {
			const counts = await client.query<{ email: string; n: number }>(
				'select email, count(*)::int as n from users where email = any($1) group by email',
				[[...acked, ...unacked]],
			);
			const stored = new Map(counts.rows.map((r) => [r.email, r.n]));
			const lost = acked.filter((e) => stored.get(e) !== 1);
			check(
				'every acknowledged sign-up exists exactly once',
				acked.length > 0 && lost.length === 0,
				`${acked.length} acknowledged, ${lost.length} lost or doubled`,
			);
			const ambiguous = unacked.filter((e) => stored.has(e)).length;
			console.log(
				`  ${unacked.length} sign-ups not acknowledged; ${ambiguous} of them were stored anyway (answer lost in the outage)`,
			);
		} finally {
			await client.end();
		}
	} finally {
		await server.stop('SIGKILL');
		cluster.destroy();
	}
}

function summarise(samples: Sample[]): string {
	const byStatus = new Map<string, number>();
	for (const s of samples)
		byStatus.set(`${s.kind} ${s.status}`, (byStatus.get(`${s.kind} ${s.status}`) ?? 0) + 1);
	return [...byStatus]
		.sort()
		.map(([k, n]) => `${k}×${n}`)
		.join(', ');
}

/** The server's distinct error lines (first line of each), to show what a 500 was. */
function distinctErrors(output: string): string {
	const lines = output.split('\n').filter((l) => /error/i.test(l) && !/^\s+at /.test(l));
	return [...new Set(lines)]
		.slice(0, 12)
		.map((l) => `    ${l.slice(0, 300)}`)
		.join('\n');
}
