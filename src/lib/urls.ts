/**
 * A `?next=` target we may redirect to: same-site relative paths only
 * (no `//host`, no `/\host`, no scheme), else the fallback.
 */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
	if (!next || typeof next !== 'string') return fallback;
	if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
	if (/[\u0000-\u001f\\]/.test(next)) return fallback;
	try {
		const url = new URL(next, 'http://portal.invalid');
		if (url.origin !== 'http://portal.invalid') return fallback;
		return url.pathname + url.search + url.hash;
	} catch {
		return fallback;
	}
}

/** `/login?next=<current path>` for a page that needs a logged-in user. */
export function loginUrl(current: URL): string {
	return `/login?next=${encodeURIComponent(current.pathname + current.search)}`;
}
