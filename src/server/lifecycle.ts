type Hook = () => Promise<void> | void;

// NOTE: a process-wide registry on globalThis, so the server bundle's copy of this module and the
// launcher's (src/cli/serve.ts, loaded outside the bundle) share the same hooks.
const KEY = Symbol.for('ot-portal.shutdown-hooks');
const registry = ((globalThis as Record<symbol, unknown>)[KEY] ??= []) as Hook[];

/** Registers work to finish before the process exits (close pools, flush PGlite, stop workers). */
export function onShutdown(hook: Hook): void {
	registry.push(hook);
}

/** Runs every hook once, newest first; errors are logged, not thrown. */
export async function runShutdownHooks(): Promise<void> {
	const hooks = registry.splice(0).reverse();
	for (const hook of hooks) {
		try {
			await hook();
		} catch (error) {
			console.error('[shutdown] hook failed:', error);
		}
	}
}
