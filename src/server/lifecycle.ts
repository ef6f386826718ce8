/**
 * The process's lifecycle: whether it serves the portal, and the work to finish before it exits.
 * NOTE: the one piece of process-wide state on globalThis. src/cli/serve.ts runs outside the
 * server bundle, so the launcher and the bundle each have a copy of this module: the launcher says
 * "serving" and runs the shutdown hooks, the bundle's composition root (app.ts) reads the one and
 * registers the other. Nothing else in src/server may keep state on globalThis.
 */
type Hook = () => Promise<void> | void;

interface Lifecycle {
	serving: boolean;
	hooks: Hook[];
}

const KEY = Symbol.for('ot-portal.lifecycle');
const state = ((globalThis as Record<symbol, unknown>)[KEY] ??= {
	serving: false,
	hooks: [],
}) as Lifecycle;

/**
 * Says this process serves the portal (src/cli/serve.ts before it loads the bundle; `astro dev`
 * through src/server/dev-start-up.ts). Scripts, tests and builds never call it, so opening the
 * database there starts nothing.
 */
export function markServing(): void {
	state.serving = true;
}

/** Whether the composition root should start the server's work when it opens the database. */
export function isServing(): boolean {
	return state.serving;
}

/** Registers work to finish before the process exits (close pools, flush PGlite, stop workers). */
export function onShutdown(hook: Hook): void {
	state.hooks.push(hook);
}

/** Runs every hook once, newest first; errors are logged, not thrown. */
export async function runShutdownHooks(): Promise<void> {
	const hooks = state.hooks.splice(0).reverse();
	for (const hook of hooks) {
		try {
			await hook();
		} catch (error) {
			console.error('[shutdown] hook failed:', error);
		}
	}
}
