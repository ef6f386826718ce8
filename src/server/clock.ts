/**
 * The server's single source of "now". End-to-end tests that fix the browser clock can
 * make the server pretend too: PORTAL_FAKE_NOW=<ISO instant> starts the clock at that
 * instant when the process starts, and it keeps ticking in real time from there.
 *
 * NOTE: honoured only outside production, or when PORTAL_ALLOW_FAKE_NOW=1 (e2e runs the
 * production build), so a stray variable cannot skew a live server.
 */
export function now(): Date {
	const fake = fakeStart();
	if (fake === undefined) return new Date();
	// performance.now() counts milliseconds since the process started.
	return new Date(fake + Math.round(performance.now()));
}

function fakeStart(): number | undefined {
	const raw = process.env.PORTAL_FAKE_NOW;
	if (!raw) return undefined;
	const allowed =
		process.env.NODE_ENV !== 'production' || process.env.PORTAL_ALLOW_FAKE_NOW === '1';
	if (!allowed) return undefined;
	const ms = Date.parse(raw);
	if (!/(?:Z|[+-]\d{2}:?\d{2})$/i.test(raw.trim()) || Number.isNaN(ms)) {
		throw new Error(`PORTAL_FAKE_NOW must be an ISO-8601 instant with an offset; got '${raw}'`);
	}
	return ms;
}
