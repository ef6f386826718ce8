// One autocannon run with per-response latencies (for p50/p95/p99), and the server's peak RSS.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import autocannon from 'autocannon';

export interface Measurement {
	requests: number;
	rps: number;
	p50: number;
	p95: number;
	p99: number;
	errors: number;
	non2xx: number;
}

function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return 0;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export async function measure(options: {
	base: string;
	paths: string[];
	connections: number;
	seconds: number;
	headers?: Record<string, string>;
}): Promise<Measurement> {
	const times: number[] = [];
	let i = 0;
	// NOTE: without a callback autocannon returns an instance that is an EventEmitter and a promise.
	const instance = autocannon({
		url: options.base,
		connections: options.connections,
		duration: options.seconds,
		headers: options.headers ?? {},
		requests: [
			{
				method: 'GET',
				setupRequest: (req) => ({ ...req, path: options.paths[i++ % options.paths.length]! }),
			},
		],
	}) as unknown as autocannon.Instance & Promise<autocannon.Result>;
	instance.on(
		'response',
		(_client: unknown, _status: number, _bytes: number, responseTime: number) =>
			times.push(responseTime),
	);
	const result = await instance;
	times.sort((a, b) => a - b);
	const round = (ms: number) => Math.round(ms * 10) / 10;
	return {
		requests: times.length,
		rps: Math.round(times.length / options.seconds),
		p50: round(percentile(times, 50)),
		p95: round(percentile(times, 95)),
		p99: round(percentile(times, 99)),
		errors: result.errors + result.timeouts,
		non2xx: result.non2xx,
	};
}

export function rssMiB(pid: number): number {
	try {
		return (
			Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024
		);
	} catch {
		return 0;
	}
}

/** Samples the RSS of `pid` every 200 ms until stopped; returns the peak in MiB. */
export function sampleRss(pid: number): { stop: () => number } {
	let peak = rssMiB(pid);
	const timer = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 200);
	return {
		stop: () => {
			clearInterval(timer);
			return Math.round(Math.max(peak, rssMiB(pid)));
		},
	};
}

/**
 * How fast this machine is right now: milliseconds for a fixed piece of work (hashing, string and
 * JSON work, on one core). This shared 2-core machine's speed changes through the day (the same
 * probe has taken from ~60 to over 100 ms), and every req/s figure moves with it: the bench prints
 * the probe before and after so its figures can be read against the machine's state.
 */
export function cpuProbe(): number {
	const started = performance.now();
	const block = Buffer.alloc(1 << 20, 7);
	for (let i = 0; i < 16; i++) createHash('sha256').update(block).digest();
	const doc = {
		title: 'Probe',
		posts: Array.from({ length: 200 }, (_, i) => ({ id: i, body: `Post ${i} `.repeat(20) })),
	};
	let size = 0;
	for (let i = 0; i < 60; i++)
		size += (JSON.parse(JSON.stringify(doc)) as typeof doc).posts
			.map((p) => p.body.replace(/\s+/g, ' ').toUpperCase())
			.join('').length;
	if (size === 0) throw new Error('unreachable');
	return Math.round(performance.now() - started);
}
