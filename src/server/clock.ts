import { AsyncLocalStorage } from 'node:async_hooks';
import { config } from './config.ts';

/**
 * The server's single source of "now". End-to-end tests that fix the browser clock can
 * make the server pretend too, in two ways:
 * - PORTAL_FAKE_NOW=<ISO instant> starts the whole process's clock at that instant, and it keeps
 *   ticking in real time from there;
 * - the `x-portal-now: <ISO instant>` request header (see middleware) pretends for one request.
 *
 * NOTE: honoured only when the test harness switches it on with PORTAL_TEST_CLOCK=1 (Vitest's
 * config, Playwright's web server). Never a default, never implied by NODE_ENV: a server started
 * as the README says (`npm run serve`, NODE_ENV unset) took the time from any client's header.
 */
export function now(): Date {
	const pinned = requestNow.getStore();
	if (pinned !== undefined) return new Date(pinned);
	const fake = fakeStart();
	if (fake === undefined) return new Date();
	// performance.now() counts milliseconds since the process started.
	return new Date(fake + Math.round(performance.now()));
}

const requestNow = new AsyncLocalStorage<number>();

export function fakeClockAllowed(): boolean {
	return config().testClock;
}

/** Runs `fn` with `now()` answering `instant` (ISO with offset); ignored when fakes are not allowed. */
export function withNow<T>(instant: string | null, fn: () => T): T {
	if (!instant || !fakeClockAllowed()) return fn();
	const ms = parseInstant(instant);
	return ms === undefined ? fn() : requestNow.run(ms, fn);
}

function fakeStart(): number | undefined {
	const raw = config().fakeNow;
	if (!raw || !fakeClockAllowed()) return undefined;
	const ms = parseInstant(raw);
	if (ms === undefined) {
		throw new Error(`PORTAL_FAKE_NOW must be an ISO-8601 instant with an offset; got '${raw}'`);
	}
	return ms;
}

function parseInstant(raw: string): number | undefined {
	const ms = Date.parse(raw);
	return /(?:Z|[+-]\d{2}:?\d{2})$/i.test(raw.trim()) && !Number.isNaN(ms) ? ms : undefined;
}
