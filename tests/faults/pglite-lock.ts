// PGlite: a second server on the same DATA_DIR fails fast with a clear message, and the first
// one keeps serving.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { check } from '../tools/report.ts';
import { startServer, waitHealthy } from '../tools/server-process.ts';

export async function run(): Promise<void> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-faults-lock-'));
	const first = await startServer({ DATA_DIR: dataDir });
	try {
		await waitHealthy(first);
		const startedAt = Date.now();
		const second = await startServer({ DATA_DIR: dataDir });
		const timer = setTimeout(() => second.child.kill('SIGKILL'), 15_000);
		const exit = await second.exited;
		clearTimeout(timer);
		const seconds = (exit.at - startedAt) / 1000;
		check(
			'second server on the same DATA_DIR exits non-zero',
			exit.code !== null && exit.code !== 0,
			`code ${exit.code}, signal ${exit.signal}`,
		);
		check('second server fails fast (under 5 s)', seconds < 5, `${seconds.toFixed(1)} s`);
		check(
			'second server says why and what to do',
			/in use by process \d+/.test(second.output()) && /DATA_DIR/.test(second.output()),
			second.output().trim().split('\n').at(-1),
		);
		check('second server never listened', !/listening on/.test(second.output()));
		const res = await fetch(`${first.url}/api/health`);
		check('first server still healthy', res.ok, `status ${res.status}`);
	} finally {
		await first.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}
