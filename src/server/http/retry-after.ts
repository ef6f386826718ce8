import { AsyncLocalStorage } from 'node:async_hooks';

// NOTE: Astro answers a failed action's RPC call itself, from the ActionError alone, so a rate
// limit's wait would be lost there. The middleware opens a scope per request, asAction() notes the
// wait, and the middleware adds Retry-After to a 429/503 response that has none.
const scope = new AsyncLocalStorage<{ seconds?: number }>();

/** Runs `fn` in a request scope; returns its result and the wait noted during it, if any. */
export async function withRetryAfterScope<T>(
	fn: () => Promise<T>,
): Promise<{ result: T; retryAfter?: number }> {
	const store: { seconds?: number } = {};
	const result = await scope.run(store, fn);
	return { result, retryAfter: store.seconds };
}

/** Remembers how long the client should wait before retrying this request (largest wins). */
export function noteRetryAfter(seconds: number): void {
	const store = scope.getStore();
	if (store) store.seconds = Math.max(store.seconds ?? 0, Math.ceil(seconds));
}
