// SIGTERM while requests are in flight: they complete, the server exits 0 within 10 seconds.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { check } from '../tools/report.ts';
import { sleep, startServer, waitHealthy, type ServerProcess } from '../tools/server-process.ts';

/** A form post whose body trickles in over `ms`, so it is in flight for that long. */
function slowPost(server: ServerProcess, ms: number): Promise<number> {
	// NOTE: an email of its own: five failures on one account lock it (429), which says nothing
	// about shutdown.
	const email = `slow-${crypto.randomUUID()}@faults.test`;
	const body = `email=${encodeURIComponent(email)}&password=not-the-password`;
	return new Promise((resolve, reject) => {
		const req = http.request(
			`${server.url}/_actions/auth.login`,
			{
				method: 'POST',
				agent: false,
				headers: {
					origin: server.url,
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': Buffer.byteLength(body),
				},
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			},
		);
		req.on('error', reject);
		const pieces = body.match(/.{1,8}/g)!;
		const gap = ms / pieces.length;
		void (async () => {
			for (const piece of pieces) {
				req.write(piece);
				await sleep(gap);
			}
			req.end();
		})();
	});
}

/**
 * A GET on its own connection: `connected` once the TCP handshake is done (the kernel has queued
 * the connection for the server), `answer` with `status N` or the error message.
 */
function get(
	server: ServerProcess,
	path: string,
): { connected: Promise<void>; answer: Promise<string> } {
	let connected!: () => void;
	const onConnect = new Promise<void>((resolve) => (connected = resolve));
	const answer = new Promise<string>((resolve) => {
		const req = http.get(`${server.url}${path}`, { agent: false }, (res) => {
			res.resume();
			res.on('end', () => resolve(`status ${res.statusCode}`));
		});
		req.on('socket', (socket) => socket.once('connect', connected));
		req.on('error', (error) => {
			connected();
			resolve(error.message);
		});
	});
	return { connected: onConnect, answer };
}

function tally(results: string[]): string {
	const counts = new Map<string, number>();
	for (const r of results) counts.set(r, (counts.get(r) ?? 0) + 1);
	return [...counts].map(([r, n]) => `${r} × ${n}`).join(', ');
}

export async function run(): Promise<void> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-faults-sigterm-'));
	const server = await startServer({ DATA_DIR: dataDir });
	try {
		await waitHealthy(server);
		// Uploads that trickle in for 2-4 s are in flight when SIGTERM comes after 1 s; a burst of
		// quick requests is connected (queued by the kernel, maybe not yet accepted by a busy
		// server) just before it. Both must be answered.
		const uploads = Array.from({ length: 10 }, (_, i) =>
			slowPost(server, 2_000 + i * 200).catch((e: Error) => String(e.message)),
		);
		await sleep(1_000);
		const burst = Array.from({ length: 20 }, () => get(server, '/support'));
		await Promise.all(burst.map((b) => b.connected));
		const signalledAt = Date.now();
		server.child.kill('SIGTERM');
		await sleep(300);
		const late = await get(server, '/support').answer;
		const [statuses, quick, exit] = await Promise.all([
			Promise.all(uploads),
			Promise.all(burst.map((b) => b.answer)),
			server.exited,
		]);
		check(
			'in-flight uploads complete after SIGTERM',
			statuses.every((s) => s === 401),
			tally(statuses.map(String)),
		);
		check(
			'requests connected before SIGTERM are answered',
			quick.every((s) => s === 'status 200'),
			tally(quick),
		);
		// While the backlog drains (up to 1 s) a new connection may still be taken: then it must be
		// answered in full. After that, it is refused. Never reset or left hanging.
		check(
			'a new connection after SIGTERM is refused or answered in full',
			/ECONNREFUSED/.test(late) || late === 'status 200',
			late,
		);
		check(
			'server exits 0 after SIGTERM',
			exit.code === 0,
			`code ${exit.code}, signal ${exit.signal}`,
		);
		const seconds = (exit.at - signalledAt) / 1000;
		check('server exits within 10 s of SIGTERM', seconds < 10, `${seconds.toFixed(1)} s`);
	} finally {
		await server.stop('SIGKILL');
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}
