// Starts the built server (dist/) with graceful shutdown and slow-client limits.
// `npm start` builds first; `npm run serve` serves an existing build.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runShutdownHooks } from '../server/lifecycle.ts';
import { getPolicy, PolicyError } from '../server/support/policy.ts';

// Refuse to start on a broken support policy, naming the bad key, instead of failing later.
try {
	getPolicy();
} catch (error) {
	if (!(error instanceof PolicyError)) throw error;
	console.error(error.message);
	process.exit(1);
}

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const entry = pathToFileURL(path.resolve('dist/server/entry.mjs')).href;
const { handler } = (await import(entry)) as { handler: http.RequestListener };

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4321);
const SHUTDOWN_GRACE_MS = 8_000;

const server = http.createServer(
	{
		// NOTE: slow clients must not hold sockets: a request must send headers within 10 s and
		// complete within 30 s.
		headersTimeout: 10_000,
		requestTimeout: 30_000,
		keepAliveTimeout: 5_000,
	},
	handler,
);

server.on('error', (error: NodeJS.ErrnoException) => {
	console.error(
		error.code === 'EADDRINUSE'
			? `Port ${port} on ${host} is in use: stop the other server or set PORT.`
			: `Server error: ${error.message}`,
	);
	process.exit(1);
});

server.listen(port, host, async () => {
	const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	console.log(`OT support portal listening on ${url}`);
	// Open the database and apply migrations now rather than on the first visitor's request.
	try {
		const res = await fetch(`${url}/api/health`);
		const body = (await res.json()) as { database?: string; reason?: string };
		if (res.ok) console.log(`Database ready (${body.database}).`);
		else console.error(`Database not ready yet: ${body.reason ?? res.status}`);
	} catch (error) {
		console.error('Warm-up request failed:', error);
	}
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
	if (stopping) return;
	stopping = true;
	console.log(`${signal} received: finishing in-flight requests…`);
	const force = setTimeout(() => {
		console.error('Shutdown took too long; exiting.');
		process.exit(1);
	}, SHUTDOWN_GRACE_MS + 1_500);
	force.unref();
	server.close();
	server.closeIdleConnections();
	const deadline = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
	deadline.unref();
	await new Promise<void>((resolve) => server.once('close', () => resolve()));
	await runShutdownHooks();
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
