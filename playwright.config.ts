import { defineConfig, devices } from '@playwright/test';

// NOTE: tests/run.ts picks a free port and exports E2E_PORT before Playwright loads this file
// (it is loaded again in every worker, so the port must not be chosen here).
import { BASE_URL as baseURL } from './tests/e2e/helpers/base-url.ts';

const port = new URL(baseURL).port;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	fullyParallel: false,
	workers: Number(process.env.E2E_WORKERS ?? 2),
	retries: 0,
	timeout: 30_000,
	expect: { timeout: 7_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL,
		...devices['Desktop Chrome'],
		launchOptions: {
			executablePath: CHROMIUM,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		},
		trace: 'off',
	},
	webServer: {
		command: 'node tests/e2e/helpers/server.ts',
		url: `${baseURL}/api/health`,
		reuseExistingServer: false,
		// NOTE: migrations and fixture accounts (argon2) take a while on a busy 2-core machine.
		timeout: 120_000,
		stdout: 'ignore',
		stderr: 'pipe',
		// NOTE: TRUST_PROXY lets tests that trip rate limits use their own X-Forwarded-For address
		// (tests/e2e/helpers/viewers.ts), so they do not lock the other tests out of 127.0.0.1.
		env: { PORT: String(port), HOST: '127.0.0.1', PORTAL_TEST_CLOCK: '1', TRUST_PROXY: '1' },
		// NOTE: the default is SIGKILL, which skips the server's exit hook that removes its DATA_DIR.
		gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
	},
});
