import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

// NOTE: the adapter runs in middleware mode (astro.config.mjs), which leaves the built client
// files to the host server: this one. Its own static handler looked on disk for every request
// (a stat per page view, ~6% of a topic page's CPU); the build never changes while it is served,
// so the files are read once and every other path goes straight to Astro.

const TYPES: Record<string, string> = {
	'.css': 'text/css; charset=utf-8',
	'.gif': 'image/gif',
	'.html': 'text/html; charset=utf-8',
	'.ico': 'image/x-icon',
	'.jpeg': 'image/jpeg',
	'.jpg': 'image/jpeg',
	'.js': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.map': 'application/json',
	'.mjs': 'text/javascript; charset=utf-8',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.txt': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json',
	'.webp': 'image/webp',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.xml': 'application/xml',
};

/** Hashed build assets never change under their name; other public files may change between deploys. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=3600';

interface StaticFile {
	body: Buffer;
	headers: Record<string, string>;
	etag: string;
}

/** The built client files (`dist/client`), held in memory and answered by URL path. */
export class StaticFiles {
	readonly #files = new Map<string, StaticFile>();

	constructor(root: string, assetsDir = '_astro') {
		if (!fs.existsSync(root)) return;
		for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
			if (!entry.isFile()) continue;
			const file = path.join(entry.parentPath, entry.name);
			const urlPath = `/${path.relative(root, file).split(path.sep).join('/')}`;
			const body = fs.readFileSync(file);
			const etag = `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
			this.#files.set(urlPath, {
				body,
				etag,
				headers: {
					'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
					'cache-control': urlPath.startsWith(`/${assetsDir}/`) ? IMMUTABLE : REVALIDATE,
					etag,
					'x-content-type-options': 'nosniff',
				},
			});
		}
	}

	get size(): number {
		return this.#files.size;
	}

	/** Answers a GET or HEAD for a built file; false when `req` is for anything else (Astro's to answer). */
	serve(req: http.IncomingMessage, res: http.ServerResponse): boolean {
		if (req.method !== 'GET' && req.method !== 'HEAD') return false;
		const url = req.url ?? '/';
		const query = url.indexOf('?');
		const file = this.#files.get(query < 0 ? url : url.slice(0, query));
		if (!file) return false;
		if (req.headers['if-none-match'] === file.etag) {
			res.writeHead(304, file.headers);
			res.end();
			return true;
		}
		res.writeHead(200, { ...file.headers, 'content-length': String(file.body.length) });
		res.end(req.method === 'HEAD' ? undefined : file.body);
		return true;
	}
}
