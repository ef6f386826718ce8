import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaticFiles } from '#server/http/static-files.ts';

// A built client directory and a real HTTP server that answers what StaticFiles does not with
// "rendered by Astro", as serve.ts does.
let root: string;
let server: http.Server;
let base: string;
let files: StaticFiles;

beforeAll(async () => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'static-files-'));
	fs.mkdirSync(path.join(root, '_astro'));
	fs.writeFileSync(path.join(root, '_astro', 'app.B1x2.js'), 'console.log(1);');
	fs.writeFileSync(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
	fs.writeFileSync(path.join(root, 'notes.unknownext'), 'x');
	fs.writeFileSync(path.join(os.tmpdir(), 'outside-static-root.txt'), 'secret');
	files = new StaticFiles(root);
	server = http.createServer((req, res) => {
		if (files.serve(req, res)) return;
		res.writeHead(200, { 'content-type': 'text/plain' });
		res.end('rendered by Astro');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise<void>((resolve) => server.close(() => resolve()));
	fs.rmSync(root, { recursive: true, force: true });
	fs.rmSync(path.join(os.tmpdir(), 'outside-static-root.txt'), { force: true });
});

/** A GET with the path exactly as given. */
function rawGet(target: string): Promise<string> {
	return new Promise((resolve, reject) => {
		http
			.get(`${base}/`, { path: target }, (res) => {
				let body = '';
				res.on('data', (chunk: Buffer) => (body += chunk.toString()));
				res.on('end', () => resolve(body));
			})
			.on('error', reject);
	});
}

describe('built client files', () => {
	it('serves a hashed asset from memory, cached for a year, and a public file for an hour', async () => {
		expect(files.size).toBe(3);
		const asset = await fetch(`${base}/_astro/app.B1x2.js?v=1`);
		expect(asset.status).toBe(200);
		expect(await asset.text()).toBe('console.log(1);');
		expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
		expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
		const icon = await fetch(`${base}/favicon.svg`);
		expect(icon.headers.get('content-type')).toBe('image/svg+xml');
		expect(icon.headers.get('cache-control')).toBe('public, max-age=3600');
		expect((await fetch(`${base}/notes.unknownext`)).headers.get('content-type')).toBe(
			'application/octet-stream',
		);
	});

	it('answers HEAD without a body and a matching If-None-Match with 304', async () => {
		const head = await fetch(`${base}/favicon.svg`, { method: 'HEAD' });
		expect(head.status).toBe(200);
		expect(head.headers.get('content-length')).toBe(
			String('<svg xmlns="http://www.w3.org/2000/svg"/>'.length),
		);
		const etag = head.headers.get('etag');
		expect(etag).toMatch(/^"[\w-]{27}"$/);
		const again = await fetch(`${base}/favicon.svg`, { headers: { 'if-none-match': etag! } });
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
		expect(
			(await fetch(`${base}/favicon.svg`, { headers: { 'if-none-match': '"other"' } })).status,
		).toBe(200);
	});

	it('leaves every other path and method to Astro, traversal included', async () => {
		// NOTE: sent as written (fetch would normalise the dot segments away before sending).
		for (const target of [
			'/forum',
			'/_astro/missing.js',
			'/_astro',
			'/../outside-static-root.txt',
			'/_astro/../../outside-static-root.txt',
			'/%2e%2e/outside-static-root.txt',
			'/_astro/app.B1x2.js/',
		]) {
			expect(await rawGet(target), target).toBe('rendered by Astro');
		}
		const post = await fetch(`${base}/favicon.svg`, { method: 'POST', body: 'x' });
		expect(await post.text()).toBe('rendered by Astro');
	});

	it('holds nothing when the build has no client directory', () => {
		expect(new StaticFiles(path.join(root, 'missing')).size).toBe(0);
	});
});
