import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		// NOTE: 2-core machine; PGlite instances are memory-hungry, keep parallelism low.
		maxWorkers: 2,
		testTimeout: 120_000,
		hookTimeout: 180_000,
		// The test clock (src/server/clock.ts) is off unless a test run switches it on.
		env: { PORTAL_TEST_CLOCK: '1' },
	},
});
