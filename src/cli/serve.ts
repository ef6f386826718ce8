// Starts the built server (dist/) with graceful shutdown and slow-client limits.
// `npm start` builds first; `npm run serve` serves an existing build.
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { markServing, runShutdownHooks } from '../server/lifecycle.ts';
import { config } from '../server/config.ts';
import { assertDirUnlocked } from '../server/db/dir-lock.ts';
import { bodyLimitFor, bodyTooLargeMessage, limitBody } from '../server/http/limits.ts';
import { PageCache, withPageCache } from '../server/http/page-cache.ts';
import { StaticFiles } from '../server/http/static-files.ts';
import { getPolicy, PolicyError } from '../server/support/policy.ts';
import { nextStatusChange } from '../server/support/schedule.ts';

// NOTE: a second server on the same embedded database must stop here, before it takes a port.
if (!config().databaseUrl) {
	try {
		assertDirUnlocked(path.join(config().dataDir, 'pglite'));
	} catch (error) {
		console.error((error as Error).message);
		process.exit(1);
	}
}

// Refuse to start on a broken support policy, naming the bad key, instead of failing later.
try {
	getPolicy();
} catch (error) {
	if (!(error instanceof PolicyError)) throw error;
	console.error(error.message);
	process.exit(1);
}

// NOTE: this launcher runs outside the server bundle: it must not import database or feature code
// (it would get modules of its own and a second database). The bundle's composition root
// (src/server/app.ts) starts the server's work when its database opens, once this says so.
markServing();
const entry = pathToFileURL(path.resolve('dist/server/entry.mjs')).href;
// NOTE: the adapter's middleware mode (astro.config.mjs): its handler renders only; the built
// client files are ours to serve (src/server/http/static-files.ts).
const { handler: astroHandler } = (await import(entry)) as { handler: http.RequestListener };
const staticFiles = new StaticFiles(path.resolve('dist/client'));

// Manual pages are the same for every anonymous reader: served from memory like prerendered files,
// until the header's support-hours badge would change, a minute at most.
const PAGE_TTL_MS = 60_000;
const handler = withPageCache(astroHandler, new PageCache(), {
	cacheable: (pathname) => pathname === '/manuals' || pathname.startsWith('/manuals/'),
	expiresAt: (now) =>
		Math.min(now + PAGE_TTL_MS, nextStatusChange(getPolicy(), new Date(now)).getTime()),
});

const { host, port } = config();
const SHUTDOWN_GRACE_MS = 8_000;

const server = http.createServer(
	{
		// NOTE: slow clients must not hold sockets: a request must send headers within 10 s and
		// complete within 30 s.
		headersTimeout: 10_000,
		requestTimeout: 30_000,
		keepAliveTimeout: 5_000,
		// Node checks those timeouts every 30 s by default; check every second instead.
		connectionsCheckingInterval: 1_000,
	},
	(req, res) => {
		// NOTE: the adapter only enforces bodySizeLimit on routes that read the body; refuse
		// declared oversize bodies everywhere, before reading them. Form posts with files
		// (multipart) may be larger than anything else.
		const limit = bodyLimitFor(req.headers['content-type']);
		if (Number(req.headers['content-length'] ?? 0) > limit) {
			// Node discards the unread body (bounded by requestTimeout) so the client sees the answer.
			res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8' });
			res.end(bodyTooLargeMessage(limit));
			return;
		}
		// The adapter's own limit (astro.config.mjs) is the largest, for uploads; a streamed body
		// of any other request is cut at its own limit. The adapter reads `req.body` when set.
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			(req as { body?: unknown }).body = limitBody(req, limit);
		}
		try {
			decodeURI(req.url ?? '/');
		} catch {
			res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
			res.end('Bad request: the address is not valid URL encoding.');
			return;
		}
		if (staticFiles.serve(req, res)) return;
		handler(req, res);
	},
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
	// Open the database, apply migrations and start the server's work (src/server/app.ts) now
	// rather than on the first visitor's request.
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
	const deadline = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
	deadline.unref();
	// NOTE: connections the kernel completed before SIGTERM may still wait in the listen backlog:
	// Node accepts them one event-loop turn at a time, and PGlite keeps the loop busy. Closing the
	// listener resets them (their clients see ECONNRESET), so keep accepting until a whole turn
	// finds none (at most 1 s), then stop listening.
	let accepted = 0;
	const countAccepted = () => void accepted++;
	server.on('connection', countAccepted);
	const drainUntil = Date.now() + 1_000;
	for (let turn = 0; turn < 2 || (accepted > 0 && Date.now() < drainUntil); turn++) {
		accepted = 0;
		await new Promise((resolve) => setImmediate(resolve));
	}
	server.off('connection', countAccepted);
	// Stop listening only (http.Server#close() would also destroy idle keep-alive connections at
	// once); the sweep closes connections that are idle between requests, the deadline the rest.
	net.Server.prototype.close.call(server);
	const sweep = setInterval(() => server.closeIdleConnections(), 500);
	sweep.unref();
	await new Promise<void>((resolve) => server.once('close', () => resolve()));
	await runShutdownHooks();
	process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
