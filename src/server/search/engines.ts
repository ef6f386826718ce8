import { config } from '#server/config.ts';
import type { SearchEngine } from './engine.ts';
import { createMeiliEngine } from './meili-engine.ts';

/**
 * The external engine (Meilisearch when MEILISEARCH_URL is set) and a circuit breaker around
 * it: after a failure, requests go straight to the built-in engine for a few seconds instead
 * of each waiting for a timeout.
 */
interface State {
	external: SearchEngine | null | undefined;
	downUntil: number;
	lastError: string | undefined;
}
const state: State = {
	external: undefined,
	downUntil: 0,
	lastError: undefined,
};

export const BREAKER_OPEN_MS = 5_000;

/** The configured external engine, or null when only the built-in one is in use. */
export function externalEngine(): SearchEngine | null {
	if (state.external === undefined) {
		const { meilisearchUrl, meilisearchApiKey } = config();
		state.external = meilisearchUrl
			? createMeiliEngine({ url: meilisearchUrl, apiKey: meilisearchApiKey })
			: null;
	}
	return state.external;
}

/** For tests: use `engine` as the external engine (null: none), with a closed breaker. */
export function setExternalEngine(engine: SearchEngine | null | undefined): void {
	state.external = engine;
	state.downUntil = 0;
	state.lastError = undefined;
}

export function breakerOpen(at = Date.now()): boolean {
	return at < state.downUntil;
}

export function reportExternalFailure(error: unknown, at = Date.now()): void {
	const message = error instanceof Error ? error.message : String(error);
	if (!breakerOpen(at))
		console.warn(
			`[search] ${externalEngine()?.name ?? 'external engine'} unreachable, using the built-in engine: ${message}`,
		);
	state.downUntil = at + BREAKER_OPEN_MS;
	state.lastError = message;
}

export function reportExternalSuccess(): void {
	state.downUntil = 0;
	state.lastError = undefined;
}

/**
 * Whether the external engine can be used now: breaker closed, or a health probe succeeds
 * once it has cooled down. Never throws.
 */
export async function externalAvailable(): Promise<boolean> {
	const engine = externalEngine();
	if (!engine) return false;
	if (breakerOpen()) return false;
	if (state.lastError === undefined) return true;
	const ok = await engine.healthy();
	if (ok) reportExternalSuccess();
	else reportExternalFailure(new Error('health check failed'));
	return ok;
}
