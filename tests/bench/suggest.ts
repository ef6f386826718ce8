// npm run bench:suggest: /api/suggest latency under concurrent load on the built-in engine.
// Needs a build (npm run build). Loads 10,000 forum topics with posts, every manual page and
// 150 hints into a fresh PGlite, starts the built server on it and fires two workloads:
//  - "typing": prefixes and full questions people type (repeats, as real typing does);
//  - "unique": every request a question not asked before (no answer can come from a cache).
// Reports p50/p95/p99 per workload and the server's peak resident memory.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { createPgliteDb } from '#server/db/client.ts';
import { migrateToLatest } from '#server/db/migrate.ts';
import { seedSearchCorpus } from './search-corpus.ts';
import { serveNodeFlags } from '../tools/server-process.ts';

export interface SuggestBenchOptions {
	topics?: number;
	connections?: number;
	durationSeconds?: number;
	port?: number;
	log?: (line: string) => void;
}

export interface WorkloadResult {
	name: string;
	requests: number;
	errors: number;
	non2xx: number;
	rps: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
}

export interface SuggestBenchResult {
	documents: number;
	connections: number;
	workloads: WorkloadResult[];
	peakRssMb: number;
	/** p95 under 30 ms in the typing workload. */
	target: { p95Ms: number; met: boolean };
}

const QUESTIONS = [
	'How do I set up payment methods?',
	'We want to change the design of the cart',
	'Prices are not updated after I changed the markup',
	'Our site is down, customers cannot place orders',
	'How can I pay for the API key?',
	'How do I change the yuan rate',
	'Delivery cost by weight',
	'How to add a new administrator',
	'Emails are not delivered to customers',
	'Как изменить наценку на товары',
	'Не работает оформление заказа',
	'Как продлить ключ API',
	'custom widget for the checkout page',
	'translate the storefront into German',
	'export orders to 1C',
	'site is very slow after update',
	'discount coupon for first order',
	'change footer links',
];
const VOCAB = [
	'cart',
	'markup',
	'delivery',
	'payment',
	'currency',
	'order',
	'banner',
	'category',
	'email',
	'template',
	'discount',
	'rights',
	'install',
	'hosting',
	'cache',
	'import',
	'Tmall',
	'Taobao',
	'invoice',
	'rate',
	'доставка',
	'наценка',
	'корзина',
	'оплата',
	'шаблон',
	'ключ',
];

function typingQueries(): string[] {
	const out: string[] = [];
	for (const q of QUESTIONS) {
		for (let len = 4; len < q.length; len += 3) out.push(q.slice(0, len));
		out.push(q);
	}
	return out;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return 0;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function waitForHealth(base: string, server: ChildProcess): Promise<void> {
	for (let i = 0; i < 240; i++) {
		if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
		try {
			const res = await fetch(`${base}/api/health`);
			if (res.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error('server did not become healthy');
}

function rssMb(pid: number): number {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
	} catch {
		return 0;
	}
}

/**
 * Each connection is one visitor (its own `sid` cookie, as a browser keeps it) asking the
 * questions `next(visitor, n)` gives for its n-th request.
 */
async function workload(
	name: string,
	base: string,
	connections: number,
	duration: number,
	next: (visitor: number, n: number) => string,
): Promise<WorkloadResult> {
	let visitors = 0;
	const times: number[] = [];
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon(
			{
				url: base,
				connections,
				duration,
				requests: [
					{
						method: 'GET',
						setupRequest: (req, context) => {
							const state = context as { visitor?: number; n?: number };
							state.visitor ??= visitors++;
							state.n = (state.n ?? 0) + 1;
							const sid = `benchvisitor${String(state.visitor).padStart(12, '0')}`;
							const q = next(state.visitor, state.n);
							return {
								...req,
								path: `/api/suggest?${new URLSearchParams({ q })}`,
								headers: { ...req.headers, cookie: `sid=${sid}` },
							};
						},
					},
				],
			},
			(error, done) => (error ? reject(error) : resolve(done)),
		);
		instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
	});
	times.sort((a, b) => a - b);
	return {
		name,
		requests: times.length,
		errors: result.errors,
		non2xx: result.non2xx,
		rps: Math.round(times.length / duration),
		p50: round(percentile(times, 50)),
		p95: round(percentile(times, 95)),
		p99: round(percentile(times, 99)),
		max: round(times.at(-1) ?? 0),
	};
}

/** Runs the benchmark; importable so `npm run bench` can combine it with others. */
export async function runSuggestBench(
	options: SuggestBenchOptions = {},
): Promise<SuggestBenchResult> {
	const log = options.log ?? ((line: string) => console.error(line));
	const entry = path.resolve('dist/server/entry.mjs');
	if (!fs.existsSync(entry)) throw new Error('No build found: run `npm run build` first.');
	const connections = options.connections ?? 20;
	const duration = options.durationSeconds ?? 15;
	const port = options.port ?? 46_000 + Math.floor(Math.random() * 2000);
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-suggest-'));
	const base = `http://127.0.0.1:${port}`;
	let server: ChildProcess | undefined;
	try {
		log(`Seeding ${options.topics ?? 10_000} topics, manuals and hints into ${dataDir} …`);
		const dir = path.join(dataDir, 'pglite');
		const db = await createPgliteDb(dir);
		await migrateToLatest(db);
		const documents = await seedSearchCorpus(db, { topics: options.topics ?? 10_000 });
		await db.destroy();
		fs.rmSync(`${dir}.lock`, { force: true });

		server = spawn(
			process.execPath,
			[...serveNodeFlags(), pathToFileURL(path.resolve('src/cli/serve.ts')).pathname],
			{
				env: {
					...process.env,
					DATA_DIR: dataDir,
					PORT: String(port),
					HOST: '127.0.0.1',
					NODE_ENV: 'production',
				},
				stdio: ['ignore', 'ignore', 'inherit'],
			},
		);
		await waitForHealth(base, server);
		const pid = server.pid ?? 0;
		let peak = rssMb(pid);
		const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250);

		const typing = typingQueries();
		// Steady state: every typed prefix asked once before measuring, as busy servers have.
		log(`Warming up with ${typing.length} typed prefixes …`);
		for (const q of typing) await fetch(`${base}/api/suggest?${new URLSearchParams({ q })}`);
		log(`Typing workload: ${connections} connections, ${duration} s …`);
		// Visitors type different questions, keystroke by keystroke (the prefixes in order).
		const typed = await workload(
			'typing',
			base,
			connections,
			duration,
			(visitor, n) => typing[(visitor * 37 + n) % typing.length] ?? 'cart',
		);
		let u = 0;
		log(`Unique-question workload: ${connections} connections, ${duration} s …`);
		const unique = await workload('unique', base, connections, duration, () => {
			u += 1;
			const q = QUESTIONS[u % QUESTIONS.length] ?? '';
			return `${q} ${VOCAB[u % VOCAB.length]} ${VOCAB[Math.floor(u / VOCAB.length) % VOCAB.length]} ${u}`;
		});
		clearInterval(sampler);
		peak = Math.max(peak, rssMb(pid));
		return {
			documents,
			connections,
			workloads: [typed, unique],
			peakRssMb: Math.round(peak),
			target: { p95Ms: 30, met: typed.p95 < 30 },
		};
	} finally {
		server?.kill('SIGTERM');
		await new Promise((r) => setTimeout(r, 1500));
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const result = await runSuggestBench({
		durationSeconds: Number(process.env.BENCH_SECONDS ?? 15),
	});
	console.log(
		`\n/api/suggest over ${result.documents} documents, ${result.connections} concurrent connections`,
	);
	console.log('workload   requests   req/s    p50     p95     p99     max   errors');
	for (const w of result.workloads) {
		console.log(
			`${w.name.padEnd(10)} ${String(w.requests).padStart(8)} ${String(w.rps).padStart(7)} ${`${w.p50}`.padStart(5)}ms ${`${w.p95}`.padStart(5)}ms ${`${w.p99}`.padStart(5)}ms ${`${w.max}`.padStart(5)}ms ${String(w.errors + w.non2xx).padStart(6)}`,
		);
	}
	console.log(`server peak RSS: ${result.peakRssMb} MB`);
	console.log(
		`target p95 < ${result.target.p95Ms} ms (typing): ${result.target.met ? 'met' : 'NOT met'}`,
	);
	process.exit(0);
}
