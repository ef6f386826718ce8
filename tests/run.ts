// npm test: type checks, Vitest (unit + integration), then Playwright against the built server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const only = process.argv[2]; // optional: check | unit | e2e

function run(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
	console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
	const ok = result.status === 0;
	console.log(ok ? `✔ ${title} passed` : `✘ ${title} failed (exit ${result.status ?? result.signal})`);
	return ok;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

const results: [string, boolean | 'skipped'][] = [];

if (!only || only === 'check') results.push(['astro check', run('Type check', 'astro', ['check'])]);
if (!only || only === 'unit') {
	if (!process.env.TEST_DATABASE_URL) console.log('\nℹ TEST_DATABASE_URL is unset: data-layer tests run on PGlite only.');
	results.push(['vitest', run('Unit and integration tests', 'vitest', ['run'])]);
}
if (!only || only === 'e2e') {
	if (!fs.existsSync(CHROMIUM)) {
		const message = `Chromium not found at ${CHROMIUM}: BROWSER TESTS WERE SKIPPED. Install it with: apt-get install -y chromium`;
		console.log(`\n${'!'.repeat(message.length)}\n${message}\n${'!'.repeat(message.length)}`);
		results.push(['playwright', CI ? false : 'skipped']);
	} else if (run('Build', 'astro', ['build'])) {
		const port = await freePort();
		results.push(['playwright', run('Browser tests', 'playwright', ['test'], { E2E_PORT: String(port) })]);
	} else {
		results.push(['build', false]);
	}
}

console.log('\nSummary:');
for (const [name, outcome] of results) console.log(`  ${outcome === 'skipped' ? '-' : outcome ? '✔' : '✘'} ${name}${outcome === 'skipped' ? ' (skipped)' : ''}`);
const passed = results.filter(([, o]) => o === true).length;
const failed = results.filter(([, o]) => o === false).length;
const skipped = results.filter(([, o]) => o === 'skipped').length;
console.log(`steps: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
