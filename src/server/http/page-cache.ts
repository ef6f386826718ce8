import { config } from '../config.ts';
import type {
	IncomingHttpHeaders,
	OutgoingHttpHeaders,
	RequestListener,
	ServerResponse,
} from 'node:http';

/**
 * The anonymous page cache: pages that are the same for every visitor without a cookie (the
 * manuals: docs built into the app) are rendered once and then served from memory, at the speed
 * of a prerendered file, until they expire. Signed-in visitors (any cookie) always get a fresh
 * render, with their own header. A page may only change with time (the header's support-hours
 * badge), so each entry lives until `expiresAt` says, at most a minute.
 */

export interface CachedPage {
	status: number;
	headers: OutgoingHttpHeaders;
	body: Buffer;
	expiresAt: number;
}

export interface PageCacheOptions {
	/** Which paths may be cached (no query string, anonymous GET only). */
	cacheable: (pathname: string) => boolean;
	/** When a page rendered at `now` (ms) stops being valid (ms). */
	expiresAt: (now: number) => number;
	/** Pages kept at most (least recently stored go first). */
	maxEntries?: number;
	clock?: () => number;
}

/** The header tests and operators can read: whether an answer came from the cache. */
export const PAGE_CACHE_HEADER = 'x-page-cache';

/**
 * Requests that every anonymous visitor would get the same answer to: GET, no query string, no
 * cookie or credentials, no clock pinned by a test. Returns the cache key or undefined.
 */
export function anonymousPageKey(
	request: { method?: string; url?: string; headers: IncomingHttpHeaders },
	cacheable: (pathname: string) => boolean,
): string | undefined {
	const { method, url = '', headers } = request;
	if (method !== 'GET' || url.includes('?') || !cacheable(url)) return undefined;
	if (headers.cookie || headers.authorization) return undefined;
	// NOTE: a live server ignores the test clock's header, so it must not bypass the cache either.
	if (config().testClock && headers['x-portal-now']) return undefined;
	// The origin is part of the page (canonical links, absolute URLs, HSTS over https).
	const forwarded = [headers['x-forwarded-proto'], headers['x-forwarded-host']]
		.map((h) => String(h ?? ''))
		.join(' ');
	return `${headers.host ?? ''} ${forwarded} ${url}`;
}

export class PageCache {
	readonly #entries = new Map<string, CachedPage>();
	readonly #max: number;

	constructor(maxEntries = 200) {
		this.#max = maxEntries;
	}

	get(key: string, now: number): CachedPage | undefined {
		const page = this.#entries.get(key);
		if (page && page.expiresAt <= now) this.#entries.delete(key);
		return page && page.expiresAt > now ? page : undefined;
	}

	set(key: string, page: CachedPage): void {
		this.#entries.delete(key);
		if (this.#entries.size >= this.#max)
			this.#entries.delete(this.#entries.keys().next().value ?? '');
		this.#entries.set(key, page);
	}

	get size(): number {
		return this.#entries.size;
	}
}

/** Wraps `handler`: anonymous GETs of cacheable paths are answered from `cache` when fresh. */
export function withPageCache(
	handler: RequestListener,
	cache: PageCache,
	options: PageCacheOptions,
): RequestListener {
	const clock = options.clock ?? Date.now;
	return (req, res) => {
		const key = anonymousPageKey(req, options.cacheable);
		if (key === undefined) return handler(req, res);
		const now = clock();
		const hit = cache.get(key, now);
		if (hit) {
			res.writeHead(hit.status, { ...hit.headers, [PAGE_CACHE_HEADER]: 'hit' });
			res.end(hit.body);
			return;
		}
		res.setHeader(PAGE_CACHE_HEADER, 'miss');
		recordResponse(res, (status, headers, body) => {
			if (isStorable(status, headers))
				cache.set(key, { status, headers, body, expiresAt: options.expiresAt(now) });
		});
		return handler(req, res);
	};
}

function isStorable(status: number, headers: OutgoingHttpHeaders): boolean {
	const type = String(headers['content-type'] ?? '');
	const control = String(headers['cache-control'] ?? '');
	return (
		status === 200 &&
		headers['set-cookie'] === undefined &&
		type.startsWith('text/html') &&
		!/no-store|private/.test(control)
	);
}

/**
 * Calls `done` with what `res` sent once it ends normally (Astro's node adapter: one writeHead,
 * writes, end). A response that is destroyed or errors midway is never reported.
 */
function recordResponse(
	res: ServerResponse,
	done: (status: number, headers: OutgoingHttpHeaders, body: Buffer) => void,
): void {
	const chunks: Buffer[] = [];
	let headed: OutgoingHttpHeaders = {};
	const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
	const write = res.write.bind(res) as (...args: unknown[]) => boolean;
	const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
	const keep = (chunk: unknown) => {
		if (typeof chunk === 'string') chunks.push(Buffer.from(chunk));
		else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
	};
	res.writeHead = ((...args: unknown[]) => {
		const headers = args.find(
			(arg) => typeof arg === 'object' && arg !== null && !Array.isArray(arg),
		);
		if (headers)
			headed = Object.fromEntries(
				Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
			);
		return writeHead(...args);
	}) as typeof res.writeHead;
	res.write = ((chunk: unknown, ...rest: unknown[]) => {
		keep(chunk);
		return write(chunk, ...rest);
	}) as typeof res.write;
	res.end = ((chunk?: unknown, ...rest: unknown[]) => {
		if (chunk !== undefined && typeof chunk !== 'function') keep(chunk);
		const result = end(chunk, ...rest);
		if (!res.destroyed) {
			const headers = { ...res.getHeaders(), ...headed };
			delete headers[PAGE_CACHE_HEADER];
			done(res.statusCode, headers, Buffer.concat(chunks));
		}
		return result;
	}) as typeof res.end;
}
