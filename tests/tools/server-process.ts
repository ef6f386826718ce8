// Starts the built server (src/cli/serve.ts) as a child process for the fault, bench and audit
// scripts, which manage their own servers (they are not part of npm test).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

export interface ServerProcess {
	url: string;
	port: number;
	child: ChildProcess;
	/** Everything the server printed so far (stdout and stderr). */
	output: () => string;
	/** Resolves when the process ends, with its exit code (null on a signal) and when it ended. */
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
	/** Sends `signal` (default SIGTERM) and waits for the exit. */
	stop: (
		signal?: NodeJS.Signals,
	) => Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

export function freePort(): Promise<number> {
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

/** Builds the app when dist/ is missing (or `force`), with Astro's own CLI. */
export function ensureBuilt(force = false): void {
	if (!force && fs.existsSync('dist/server/entry.mjs')) return;
	console.log('Building the app (astro build)…');
	const result = spawnSync('astro', ['build'], {
		stdio: 'inherit',
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
	});
	if (result.status !== 0) throw new Error('astro build failed');
}

/**
 * The V8 flags `npm run serve` gives the server (package.json is the one place they are set): a
 * small young generation and an old-space cap keep the heap near its live size (~50 MiB) instead
 * of letting it grow to 400+ MiB under load.
 */
export function serveNodeFlags(): string[] {
	const scripts = (
		JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
	).scripts;
	return (scripts.serve ?? '').split(/\s+/).filter((arg) => arg.startsWith('--'));
}

/** Starts `node src/cli/serve.ts` (with the flags of `npm run serve`) on a free loopback port with `env` added to ours. */
export async function startServer(
	env: Record<string, string>,
	port?: number,
): Promise<ServerProcess> {
	const chosen = port ?? (await freePort());
	const child = spawn(process.execPath, [...serveNodeFlags(), 'src/cli/serve.ts'], {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(chosen), ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
		(resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
	);
	return {
		url: `http://127.0.0.1:${chosen}`,
		port: chosen,
		child,
		output: () => output,
		exited,
		stop: async (signal = 'SIGTERM') => {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			return exited;
		},
	};
}

/** Polls /api/health until it answers 200 (throws with the server's output after `timeoutMs`). */
export async function waitHealthy(server: ServerProcess, timeoutMs = 120_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
		try {
			const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(5_000) });
			if (res.ok) return;
		} catch {
			// not listening yet
		}
		await sleep(250);
	}
	throw new Error(`server not healthy after ${timeoutMs} ms:\n${server.output()}`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A documentation-range client address for X-Forwarded-For (servers here run with TRUST_PROXY=1). */
export function fakeAddress(): string {
	const n = () => Math.floor(Math.random() * 254) + 1;
	return `198.51.${n()}.${n()}`;
}
