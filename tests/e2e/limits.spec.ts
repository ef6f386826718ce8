// Oversize bodies get 413; a client that sends its headers slowly is disconnected.
import http from 'node:http';
import net from 'node:net';
import { expect, test } from '@playwright/test';
import { BASE_URL } from './helpers/base-url.ts';

const { hostname, port } = new URL(BASE_URL);
const MiB = 1024 * 1024;

test('refuses a 5 MB form post with 413', async ({ request }) => {
	for (const path of ['/login?_action=auth.login', '/_actions/auth.login', '/']) {
		const res = await request.post(path, {
			data: `email=${'a'.repeat(5 * MiB)}`,
			headers: { origin: BASE_URL, 'content-type': 'application/x-www-form-urlencoded' },
			maxRedirects: 0,
		});
		expect(res.status(), path).toBe(413);
	}
});

test('accepts a body under the limit', async ({ request }) => {
	const res = await request.post('/login?_action=auth.login', {
		data: `email=nobody%40e2e.test&password=${'a'.repeat(2 * MiB)}`,
		headers: {
			origin: BASE_URL,
			'content-type': 'application/x-www-form-urlencoded',
			'x-forwarded-for': '203.0.113.250',
		},
		maxRedirects: 0,
	});
	expect(res.status()).not.toBe(413);
	expect(res.status()).toBeLessThan(500);
});

test('refuses a 5 MB streamed (chunked) body with 413', async () => {
	const status = await new Promise<number>((resolve, reject) => {
		const req = http.request(
			{
				host: hostname,
				port,
				method: 'POST',
				path: '/_actions/auth.login',
				headers: { origin: BASE_URL, 'content-type': 'application/x-www-form-urlencoded' },
			},
			(res) => {
				res.resume();
				resolve(res.statusCode ?? 0);
			},
		);
		req.on('error', reject);
		const chunk = Buffer.alloc(256 * 1024, 'a');
		let sent = 0;
		const pump = () => {
			while (sent < 5 * MiB) {
				sent += chunk.length;
				if (!req.write(chunk)) return void req.once('drain', pump);
			}
			req.end();
		};
		pump();
	});
	expect(status).toBe(413);
});

test('disconnects a client that sends its headers too slowly', async () => {
	test.setTimeout(40_000);
	const socket = net.connect(Number(port), hostname);
	let received = '';
	socket.on('data', (data) => (received += data.toString()));
	socket.write(`GET / HTTP/1.1\r\nHost: ${hostname}:${port}\r\n`);
	// One header line a second: the request never completes its headers.
	const drip = setInterval(
		() => socket.writable && socket.write(`X-Drip-${Date.now()}: 1\r\n`),
		1_000,
	);
	try {
		const closed = await new Promise<boolean>((resolve) => {
			socket.once('close', () => resolve(true));
			setTimeout(() => resolve(false), 25_000);
		});
		expect(closed, 'the server closed the connection').toBe(true);
		expect(received).toMatch(/^HTTP\/1\.1 408/);
	} finally {
		clearInterval(drip);
		socket.destroy();
	}
});
