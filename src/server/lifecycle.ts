type Hook = () => Promise<void> | void;

// NOTE: process-wide state on globalThis, so the server bundle's copy of this module and the
// launcher's (src/cli/serve.ts, loaded outside the bundle) share the same hooks and start-up.
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

interface StartUp {
	serving: boolean;
	/** The start-up of the module copy whose database is open, until `serving`. */
	pending: (() => void) | undefined;
}

const START_KEY = Symbol.for('ot-portal.start-up');
const startUp = ((globalThis as Record<symbol, unknown>)[START_KEY] ??= {
	serving: false,
	pending: undefined,
}) as StartUp;

/**
 * Says this process serves the portal (src/cli/serve.ts after listen, `astro dev`): the start-up
 * tasks run now in the copy of the app whose database is open, or as soon as one opens it.
 * Scripts and tests never call it, so opening the database there starts nothing.
 * NOTE: the launcher must not run the tasks from its own copy of the modules: that copy would
 * open a second database (a second PGlite on the same directory, which the lock cannot see
 * since the process is the same) and run the search worker on it.
 */
export function startServing(): void {
	startUp.serving = true;
	const pending = startUp.pending;
	startUp.pending = undefined;
	pending?.();
}

/**
 * For db/client.ts, each time getDb() succeeds: runs `start` when the process serves the portal,
 * otherwise keeps it for `startServing()`. `start` must be idempotent.
 */
export function startWhenServing(start: () => void): void {
	if (startUp.serving) start();
	else startUp.pending = start;
}

/** For db/client.ts when it closes its database: its start-up must not run any more. */
export function cancelStart(start: () => void): void {
	if (startUp.pending === start) startUp.pending = undefined;
}
