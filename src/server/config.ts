import path from 'node:path';
import { z } from 'astro/zod';

const ConfigSchema = z.object({
	HOST: z.string().min(1).default('127.0.0.1'),
	PORT: z.coerce
		.number({ error: 'PORT must be a port number' })
		.int({ error: 'PORT must be a port number' })
		.min(0, { error: 'PORT must be a port number' })
		.max(65_535, { error: 'PORT must be a port number' })
		.default(4321),
	DATA_DIR: z.string().min(1).default('./data'),
	DATABASE_URL: z.url({ error: 'DATABASE_URL must be a postgres:// URL' }).optional(),
	MEILISEARCH_URL: z.url({ error: 'MEILISEARCH_URL must be a URL' }).optional(),
	MEILISEARCH_API_KEY: z.string().optional(),
	SMTP_URL: z.string().optional(),
	MAIL_FROM: z.string().default('OT Support <support@localhost>'),
	SITE_URL: z.url({ error: 'SITE_URL must be a URL' }).optional(),
	CONTENT_DIR: z.string().default('content'),
	TRUST_PROXY: z.enum(['0', '1']).default('0'),
	SEED_SAMPLE_CONTENT: z.enum(['0', '1']).default('1'),
	// Test harness only (src/server/clock.ts): off unless a test run switches it on.
	PORTAL_TEST_CLOCK: z.enum(['0', '1']).default('0'),
	PORTAL_FAKE_NOW: z.string().optional(),
});

export interface Config {
	/** Where src/cli/serve.ts listens. */
	host: string;
	port: number;
	dataDir: string;
	databaseUrl: string | undefined;
	meilisearchUrl: string | undefined;
	meilisearchApiKey: string | undefined;
	smtpUrl: string | undefined;
	mailFrom: string;
	siteUrl: string | undefined;
	contentDir: string;
	trustProxy: boolean;
	seedSampleContent: boolean;
	/** Tests only: lets `x-portal-now` and PORTAL_FAKE_NOW set the server's clock. */
	testClock: boolean;
	fakeNow: string | undefined;
}

let cached: Config | undefined;

/** Reads `process.env` once. Throws with the offending variable named when it is invalid. */
export function config(): Config {
	if (cached) return cached;
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ''),
	);
	const parsed = ConfigSchema.safeParse(env);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
		throw new Error(`Invalid configuration: ${problems.join('; ')}`);
	}
	const e = parsed.data;
	cached = {
		host: e.HOST,
		port: e.PORT,
		dataDir: path.resolve(e.DATA_DIR),
		databaseUrl: e.DATABASE_URL,
		meilisearchUrl: e.MEILISEARCH_URL,
		meilisearchApiKey: e.MEILISEARCH_API_KEY,
		smtpUrl: e.SMTP_URL,
		mailFrom: e.MAIL_FROM,
		siteUrl: e.SITE_URL,
		contentDir: path.resolve(e.CONTENT_DIR),
		trustProxy: e.TRUST_PROXY === '1',
		seedSampleContent: e.SEED_SAMPLE_CONTENT === '1',
		testClock: e.PORTAL_TEST_CLOCK === '1',
		fakeNow: e.PORTAL_FAKE_NOW,
	};
	return cached;
}

/** For tests and CLIs that change the environment after the first read. */
export function resetConfig(): void {
	cached = undefined;
}
