import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
	anonymousPageKey,
	PAGE_CACHE_HEADER,
	PageCache,
	withPageCache,
} from '#server/http/page-cache.ts';

// A real HTTP server whose handler counts renders and answers like Astro's adapter (writeHead,
// chunked writes, end), so the cache is exercised through Node's own response object.
let server: http.Server | undefined;
afterEach(
	() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

interface Rendering {
	status?: number;
	headers?: Record<string, string>;
	chunks?: string[];
	fail?: boolean;
}

async function serve(
	render: (url: string) => Rendering,
	options: { now?: () => number; ttl?: number } = {},
) {
	let renders = 0;
	const inner: http.RequestListener = (req, res) => {
		renders += 1;
		const r = render(req.url ?? '');
		res.writeHead(r.status ?? 200, { 'Content-Type': 'text/html; charset=utf-8', ...r.headers });
		for (const chunk of r.chunks ?? [`<p>render ${renders}</p>`])
			res.write(new TextEncoder().encode(chunk));
		if (r.fail) res.destroy();
		else res.end();
	};
	const clock = options.now ?? Date.now;
	const listener = withPageCache(inner, new PageCache(3), {
		cacheable: (path) => path.startsWith('/manuals/'),
		expiresAt: (now) => now + (options.ttl ?? 60_000),
		clock,
	});
	server = http.createServer(listener);
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		get: async (path: string, headers: Record<string, string> = {}) => {
			const res = await fetch(base + path, { headers });
			return {
				status: res.status,
				body: await res.text(),
				cache: res.headers.get(PAGE_CACHE_HEADER),
				type: res.headers.get('content-type'),
				res,
			};
		},
		renders: () => renders,
	};
}

describe('anonymous page cache', () => {
	it('renders a manual page once and serves the same bytes and headers to the next anonymous reader', async () => {
		const app = await serve(() => ({
			headers: { 'Content-Security-Policy': "default-src 'self'" },
			chunks: ['<h1>Install</h1>', '<p>body</p>'],
		}));
		const first = await app.get('/manuals/install');
		const second = await app.get('/manuals/install');
		expect(first.cache).toBe('miss');
		expect(second.cache).toBe('hit');
		expect(second.body).toBe('<h1>Install</h1><p>body</p>');
		expect(second.body).toBe(first.body);
		expect(second.type).toBe('text/html; charset=utf-8');
		expect(second.res.headers.get('content-security-policy')).toBe("default-src 'self'");
		expect(app.renders()).toBe(1);
	});

	it('renders again for anyone with a cookie, a query string, or a pinned clock, and for other paths', async () => {
		const app = await serve(() => ({}));
		await app.get('/manuals/install');
		const withCookie = await app.get('/manuals/install', { cookie: 'session=abc' });
		const withQuery = await app.get('/manuals/install?voted=1');
		const pinned = await app.get('/manuals/install', {
			'x-portal-now': '2026-01-01T10:00:00+03:00',
		});
		const other = await app.get('/forum');
		await app.get('/forum');
		expect([withCookie.cache, withQuery.cache, pinned.cache, other.cache]).toEqual([
			null,
			null,
			null,
			null,
		]);
		expect(withCookie.body).toBe('<p>render 2</p>');
		expect(app.renders()).toBe(6);
	});

	it('does not keep errors, responses that set a cookie, non-HTML or broken responses', async () => {
		const app = await serve((url): Rendering => {
			if (url.endsWith('/missing')) return { status: 404 };
			if (url.endsWith('/cookie')) return { headers: { 'Set-Cookie': 'visitor=1' } };
			if (url.endsWith('/json'))
				return { headers: { 'Content-Type': 'application/json' }, chunks: ['{}'] };
			if (url.endsWith('/private')) return { headers: { 'Cache-Control': 'private, no-store' } };
			return { fail: true, chunks: ['<p>half'] };
		});
		for (const path of [
			'/manuals/missing',
			'/manuals/cookie',
			'/manuals/json',
			'/manuals/private',
		]) {
			await app.get(path);
			expect((await app.get(path)).cache, path).toBe('miss');
		}
		await app.get('/manuals/broken').catch(() => undefined);
		await app.get('/manuals/broken').catch(() => undefined);
		expect(app.renders()).toBe(10);
	});

	it('renders again once the page expired', async () => {
		let now = 1_000_000;
		const app = await serve(() => ({}), { now: () => now, ttl: 60_000 });
		await app.get('/manuals/install');
		now += 59_999;
		expect((await app.get('/manuals/install')).body).toBe('<p>render 1</p>');
		now += 1;
		expect((await app.get('/manuals/install')).body).toBe('<p>render 2</p>');
	});

	it('keeps a bounded number of pages, dropping the oldest', () => {
		const cache = new PageCache(2);
		const page = { status: 200, headers: {}, body: Buffer.from('x'), expiresAt: 10 };
		cache.set('a', page);
		cache.set('b', page);
		cache.set('c', page);
		expect(cache.size).toBe(2);
		expect(cache.get('a', 0)).toBeUndefined();
		expect(cache.get('c', 0)).toBe(page);
	});

	it('keys by host and path, and only for anonymous GETs', () => {
		const cacheable = () => true;
		const key = (headers: Record<string, string>) =>
			anonymousPageKey({ method: 'GET', url: '/manuals/a', headers }, cacheable);
		expect(key({ host: 'x' })).toBe(key({ host: 'x' }));
		expect(key({ host: 'x' })).not.toBe(key({ host: 'y' }));
		expect(key({ host: 'x', 'x-forwarded-proto': 'https' })).not.toBe(
			key({ host: 'x', 'x-forwarded-proto': 'http' }),
		);
		expect(key({ host: 'x', 'x-forwarded-host': 'a.example' })).not.toBe(key({ host: 'x' }));
		expect(
			anonymousPageKey({ method: 'HEAD', url: '/manuals/a', headers: {} }, cacheable),
		).toBeUndefined();
		expect(
			anonymousPageKey({ method: 'POST', url: '/manuals/a', headers: {} }, cacheable),
		).toBeUndefined();
		expect(
			anonymousPageKey(
				{ method: 'GET', url: '/manuals/a', headers: { authorization: 'Basic x' } },
				cacheable,
			),
		).toBeUndefined();
	});
});
