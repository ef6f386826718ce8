// SIGTERM while requests are in flight: they complete, the server exits 0 within 10 seconds.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { check } from '../tools/report.ts';
import { sleep, startServer, waitHealthy, type ServerProcess } from '../tools/server-process.ts';

/** A form post whose body trickles in over `ms`, so it is in flight for that long. */
function slowPost(server: ServerProcess, ms: number): Promise<number> {
	const body = `email=${encodeURIComponent(`slow-${Date.now()}@faults.test`)}&password=not-the-password`;
	return new Promise((resolve, reject) => {
		const req = http.request(
			`${server.url}/_actions/auth.login`,
			{
				method: 'POST',
				agent: false,
				headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
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

export async function run(): Promise<void> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-faults-sigterm-'));
	const server = await startServer({ DATA_DIR: dataDir });
	try {
		await waitHealthy(server);
		// NOTE: uploads that trickle in for 2-4 s are surely accepted and in flight when SIGTERM
		// comes after 1 s (a burst of quick requests could still sit in the kernel's backlog, which
		// any server refuses once it stops listening).
		const uploads = Array.from({ length: 10 }, (_, i) => slowPost(server, 2_000 + i * 200).catch((e: Error) => e.message));
		await sleep(1_000);
		const signalledAt = Date.now();
		server.child.kill('SIGTERM');
		await sleep(300);
		const late = await new Promise<string>((resolve) => {
			const req = http.get(`${server.url}/support`, { agent: false }, (res) => resolve(`status ${res.statusCode}`));
			req.on('error', (error) => resolve(error.message));
		});
		const [statuses, exit] = await Promise.all([Promise.all(uploads), server.exited]);
		check('in-flight uploads complete after SIGTERM', statuses.every((s) => s === 401), `statuses ${[...new Set(statuses)].join(', ')} × ${statuses.length}`);
		check('new connections are refused after SIGTERM', /ECONNREFUSED/.test(late), late);
		check('server exits 0 after SIGTERM', exit.code === 0, `code ${exit.code}, signal ${exit.signal}`);
		const seconds = (exit.at - signalledAt) / 1000;
		check('server exits within 10 s of SIGTERM', seconds < 10, `${seconds.toFixed(1)} s`);
	} finally {
		await server.stop('SIGKILL');
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}
