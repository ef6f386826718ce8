// npm run bench: the production build on PostgreSQL with the realistic data set of issue 8,
// loaded with autocannon after a warm-up; prints req/s, p50/p95/p99 and the server's peak RSS
// per target, and PASS/MISS against the targets (tests/bench/targets.ts).
//   BENCH_DATABASE_URL  admin connection (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_SECONDS       seconds per target (default 10); BENCH_ONLY=name,name to run some targets
//   BENCH_REUSE=1       keep the seeded portal_bench database from the previous run
import { sql } from 'kysely';
import pg from 'pg';
import { createSession, generateSessionToken } from '#server/auth/sessions.ts';
import { createPostgresDb } from '#server/db/client.ts';
import type { Db } from '#server/db/schema.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { topicPath } from '#server/forum/urls.ts';
import { reindexAll } from '#server/search/reindex.ts';
import { SEARCH_SOURCES } from '#server/app.ts';
import { ensureBuilt, startServer, waitHealthy } from '../tools/server-process.ts';
import sharp from 'sharp';
import { attachThumbnails, benchTransfers } from './attachments.ts';
import { cpuProbe, measure, rssMiB, sampleRss } from './measure.ts';
import { SEEDERS } from './seed/index.ts';
import { missingTables } from './seed/seeder.ts';
import {
	BENCH_TARGETS,
	DATA_SET,
	DEFAULT_CONNECTIONS,
	MAX_RSS_MIB,
	type BenchTarget,
} from './targets.ts';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'portal_bench';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ONLY = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const log = (line: string) => console.log(line);

async function freshDatabase(): Promise<string> {
	const url = new URL(ADMIN_URL);
	url.pathname = `/${DB_NAME}`;
	if (process.env.BENCH_REUSE === '1') return url.href;
	const admin = new pg.Client({ connectionString: ADMIN_URL });
	await admin.connect();
	try {
		await admin.query(`drop database if exists ${DB_NAME} with (force)`);
		await admin.query(`create database ${DB_NAME}`);
	} finally {
		await admin.end();
	}
	return url.href;
}

async function seed(db: Db): Promise<void> {
	await migrateToLatest(db);
	for (const seeder of SEEDERS) {
		const missing = await missingTables(db, seeder.tables);
		if (missing.length) {
			log(
				`  skip ${seeder.name}: table(s) ${missing.join(', ')} do not exist (feature not merged yet)`,
			);
			continue;
		}
		const started = performance.now();
		const summary = await seeder.seed(db, DATA_SET);
		log(`  ${seeder.name}: ${summary} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
	}
	const started = performance.now();
	const indexed = await reindexAll(db, { sources: SEARCH_SOURCES });
	log(
		`  search index: ${indexed.documents} documents (${((performance.now() - started) / 1000).toFixed(1)} s)`,
	);
	// As autovacuum leaves a live database: statistics for the planner, visibility maps for index-only scans.
	await sql`vacuum analyze`.execute(db);
}

async function resolvePath(db: Db, target: BenchTarget): Promise<string | undefined> {
	if (target.path !== 'topic20') return target.path;
	const topic = await db
		.selectFrom('forum_topics')
		.select(['id', 'title'])
		.where('visible_post_count', '=', 20)
		.orderBy('id')
		.executeTakeFirst();
	return topic && topicPath(topic);
}

async function staffCookie(db: Db): Promise<string> {
	const staff = await db
		.selectFrom('users')
		.select('id')
		.where('role', '=', 'staff')
		.orderBy('email')
		.executeTakeFirstOrThrow();
	const token = generateSessionToken();
	await createSession(db, token, staff.id);
	return `session=${token}`;
}

/** The 20-post topic's page shows a thumbnail on each post (issue 17): one image, 20 attachments. */
async function withThumbnails(base: string, staffCookie: string): Promise<void> {
	const topic = await db
		.selectFrom('forum_topics')
		.select('id')
		.where('visible_post_count', '=', 20)
		.orderBy('id')
		.executeTakeFirst();
	if (!topic) return;
	const png = await (
		await import('sharp')
	)
		.default({
			create: { width: 800, height: 500, channels: 3, background: '#336699' },
		})
		.png()
		.toBuffer();
	const form = new FormData();
	form.append('attachments', new Blob([new Uint8Array(png)]), 'screenshot.png');
	const res = await fetch(`${base}/api/attachments`, {
		method: 'POST',
		headers: { cookie: staffCookie, origin: base },
		body: form,
	});
	const id = ((await res.json()) as { files?: { id: string }[] }).files?.[0]?.id;
	if (!id) return;
	log(`  topic page: ${await attachThumbnails(db, topic.id, id)} thumbnails attached`);
}

function verdict(
	target: BenchTarget,
	m: { rps: number; p95: number; p99: number },
	rss: number,
): string {
	const misses: string[] = [];
	if (target.minRps && m.rps < target.minRps) misses.push(`req/s < ${target.minRps}`);
	if (target.maxP99Ms && m.p99 >= target.maxP99Ms) misses.push(`p99 ≥ ${target.maxP99Ms} ms`);
	if (target.maxP95Ms && m.p95 >= target.maxP95Ms) misses.push(`p95 ≥ ${target.maxP95Ms} ms`);
	if (rss >= MAX_RSS_MIB) misses.push(`RSS ≥ ${MAX_RSS_MIB} MiB`);
	if (!target.minRps && !target.maxP99Ms && !target.maxP95Ms)
		return misses.length ? `MISS (${misses.join(', ')})` : 'ok (no target)';
	return misses.length ? `MISS (${misses.join(', ')})` : 'PASS';
}

ensureBuilt();
const databaseUrl = await freshDatabase();
const db = await createPostgresDb(databaseUrl);
if (process.env.BENCH_REUSE !== '1') {
	log(
		`Seeding ${DB_NAME} (users ${DATA_SET.users}, topics ${DATA_SET.topics}, posts ~${DATA_SET.posts}, hints ${DATA_SET.hints}, tickets ${DATA_SET.tickets}):`,
	);
	await seed(db);
}
const cookie = await staffCookie(db);
const probeBefore = cpuProbe();
const server = await startServer({
	DATABASE_URL: databaseUrl,
	NODE_ENV: 'production',
	SEED_SAMPLE_CONTENT: '0',
});
let failed = false;
try {
	await waitHealthy(server);
	const pid = server.child.pid!;
	const idleRss = Math.round(rssMiB(pid));
	const rows: string[][] = [];
	let peakOverall = 0;
	await withThumbnails(server.url, cookie);
	for (const target of BENCH_TARGETS.filter((t) => !ONLY || ONLY.includes(t.name))) {
		const path = await resolvePath(db, target).catch(() => undefined);
		const headers = target.as === 'staff' ? { cookie } : undefined;
		const probe = path
			? await fetch(`${server.url}${path}`, { headers, redirect: 'manual' })
			: undefined;
		if (!path || !probe || probe.status !== 200) {
			rows.push([
				target.name,
				path ?? '-',
				'',
				'',
				'',
				'',
				'',
				`SKIP (${probe ? `status ${probe.status}` : 'no data'})`,
			]);
			continue;
		}
		const paths = target.paths?.() ?? [path];
		const connections = target.connections ?? DEFAULT_CONNECTIONS;
		// NOTE: the warm-up walks the paths from the other end, so a list of never-asked questions stays unasked.
		await measure({
			base: server.url,
			paths: [...paths].reverse(),
			connections,
			seconds: 3,
			headers,
		});
		const rss = sampleRss(pid);
		const m = await measure({ base: server.url, paths, connections, seconds: SECONDS, headers });
		const peak = rss.stop();
		peakOverall = Math.max(peakOverall, peak);
		const result =
			m.errors || m.non2xx
				? `MISS (${m.errors} errors, ${m.non2xx} non-2xx)`
				: verdict(target, m, peak);
		if (result.startsWith('MISS')) failed = true;
		rows.push([
			target.name,
			path.length > 40 ? `${path.slice(0, 37)}…` : path,
			String(connections),
			String(m.rps),
			`${m.p50}`,
			`${m.p95}`,
			`${m.p99}`,
			`${peak}`,
			result,
		]);
		log(
			`  ${target.name}: ${m.rps} req/s, p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms, RSS ${peak} MiB`,
		);
	}
	const header = [
		'target',
		'path',
		'conn',
		'req/s',
		'p50 ms',
		'p95 ms',
		'p99 ms',
		'RSS MiB',
		'result',
	];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => (i >= 2 && i <= 7 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
			.join('  ');
	console.log(
		`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`,
	);
	console.log(
		`\nserver RSS: ${idleRss} MiB idle, ${peakOverall} MiB peak (target < ${MAX_RSS_MIB} MiB); ${SECONDS} s per target after a 3 s warm-up`,
	);
	if (!ONLY || ONLY.includes('attachments')) {
		for (const t of await benchTransfers({
			log,
			base: server.url,
			pid,
			cookie,
			seconds: SECONDS,
			connections: DEFAULT_CONNECTIONS,
		})) {
			const ok = t.errors === 0 && t.non2xx === 0 && t.rss < MAX_RSS_MIB;
			if (!ok) failed = true;
			console.log(
				`${t.name}: ${t.mbPerSecond} MB/s (${t.requests} requests, p50 ${t.p50} ms, p99 ${t.p99} ms), RSS ${t.rss} MiB — ${ok ? 'PASS' : `MISS (${t.errors} errors, ${t.non2xx} non-2xx, RSS target < ${MAX_RSS_MIB} MiB)`}`,
			);
		}
	}
	console.log(
		`machine speed probe (tests/bench/measure.ts cpuProbe, lower is faster): ${probeBefore} ms before, ${cpuProbe()} ms after`,
	);
} catch (error) {
	console.error(
		'bench failed:',
		error,
		'\nserver output (last 2,000 characters):',
		server.output().slice(-2_000),
	);
	failed = true;
} finally {
	await server.stop();
	await db.destroy();
}
process.exitCode = failed ? 1 : 0;
