// npm test: type checks, Vitest (unit + integration), then Playwright against the built server.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const only = process.argv[2]; // optional: check | unit | e2e

/** Runs a step with its output shown live; returns whether it passed and what it printed. */
async function run(
	title: string,
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv = {},
): Promise<{ ok: boolean; output: string }> {
	console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
	const child = spawn(command, args, {
		stdio: ['inherit', 'pipe', 'pipe'],
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
	});
	const chunks: Buffer[] = [];
	child.stdout.on('data', (chunk: Buffer) => (chunks.push(chunk), process.stdout.write(chunk)));
	child.stderr.on('data', (chunk: Buffer) => (chunks.push(chunk), process.stderr.write(chunk)));
	const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
		child.on('error', (error) => (console.error(error.message), resolve([null, null])));
		child.on('close', (c, s) => resolve([c, s]));
	});
	const ok = code === 0;
	console.log(ok ? `✔ ${title} passed` : `✘ ${title} failed (exit ${code ?? signal})`);
	return { ok, output: Buffer.concat(chunks).toString('utf8') };
}

/**
 * Vitest's failure sections (failed tests, unhandled errors), to repeat at the end: a CI log
 * that shows only its last lines must still say what failed, after Playwright's long output.
 */
function failureSections(output: string): string {
	const lines = output.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
	const start = lines.findIndex((line) =>
		/⎯ (Failed Tests|Failed Suites|Unhandled (Errors|Rejection))/.test(line),
	);
	if (start < 0) return '(Vitest printed no failure section; see its output above)';
	const end = lines.findIndex((line, i) => i > start && /^\s*Test Files\s/.test(line));
	const section = lines
		.slice(start, end < 0 ? undefined : end)
		.filter((line) => line.trim() && !line.includes('node_modules'));
	return (
		section.slice(0, 80).join('\n') +
		(section.length > 80 ? `\n… ${section.length - 80} more lines, in Vitest's output above` : '')
	);
}

function freePort(): Promise<number> {
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

const results: [string, boolean | 'skipped'][] = [];
let vitestFailures = '';

if (!only || only === 'check') {
	results.push(['astro check', (await run('Type check', 'astro', ['check'])).ok]);
	results.push(['prettier', (await run('Formatting', 'prettier', ['--check', '.'])).ok]);
}
if (!only || only === 'unit') {
	if (!process.env.TEST_DATABASE_URL)
		console.log('\nℹ TEST_DATABASE_URL is unset: data-layer tests run on PGlite only.');
	const vitest = await run('Unit and integration tests', 'vitest', ['run']);
	results.push(['vitest', vitest.ok]);
	if (!vitest.ok) vitestFailures = failureSections(vitest.output);
}
if (!only || only === 'e2e') {
	if (!fs.existsSync(CHROMIUM)) {
		const message = `Chromium not found at ${CHROMIUM}: BROWSER TESTS WERE SKIPPED. Install it with: apt-get install -y chromium`;
		console.log(`\n${'!'.repeat(message.length)}\n${message}\n${'!'.repeat(message.length)}`);
		results.push(['playwright', CI ? false : 'skipped']);
	} else if ((await run('Build', 'astro', ['build'])).ok) {
		const port = await freePort();
		results.push([
			'playwright',
			(await run('Browser tests', 'playwright', ['test'], { E2E_PORT: String(port) })).ok,
		]);
	} else {
		results.push(['build', false]);
	}
}

console.log('\nSummary:');
for (const [name, outcome] of results)
	console.log(
		`  ${outcome === 'skipped' ? '-' : outcome ? '✔' : '✘'} ${name}${outcome === 'skipped' ? ' (skipped)' : ''}`,
	);
if (vitestFailures) console.log(`\nWhat Vitest reported as failed:\n${vitestFailures}`);
const passed = results.filter(([, o]) => o === true).length;
const failed = results.filter(([, o]) => o === false).length;
const skipped = results.filter(([, o]) => o === 'skipped').length;
console.log(`steps: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
