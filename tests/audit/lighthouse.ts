// npm run audit:lighthouse: Lighthouse (mobile preset, Debian's Chromium) on the built server
// with sample content: home, a manual page, a topic page and the hints list. Prints the four
// category scores per page and the JavaScript shipped on the manual page; JSON reports go to a
// temp dir. Exits 1 when a target is missed (performance 95, the others 100, JS < 20 KB).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { check, finish, skip } from '../tools/report.ts';
import {
	ensureBuilt,
	fakeAddress,
	startServer,
	waitHealthy,
	type ServerProcess,
} from '../tools/server-process.ts';
import { signUpForCookie } from '../faults/load.ts';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const MIN_SCORE: Record<(typeof CATEGORIES)[number], number> = {
	performance: 95,
	accessibility: 100,
	'best-practices': 100,
	seo: 100,
};
const MAX_MANUAL_JS_BYTES = 20 * 1024;

interface Audited {
	name: string;
	path: string | undefined;
	/** Checks the JS budget on this page. */
	jsBudget?: boolean;
}

/** Creates a topic through the forum action, so the topic page has real content. */
async function sampleTopic(server: ServerProcess): Promise<string | undefined> {
	const cookie = await signUpForCookie(server, 'lighthouse');
	const res = await fetch(`${server.url}/forum/new?_action=forum.createTopic`, {
		method: 'POST',
		headers: {
			origin: server.url,
			cookie,
			'content-type': 'application/x-www-form-urlencoded',
			'x-forwarded-for': fakeAddress(),
		},
		body: new URLSearchParams({
			categorySlug: 'design-changes',
			title: 'Moving the cart button above the product photos',
			body: 'We would like the **Add to cart** button above the photo gallery on mobile.\n\n- theme: default\n- release: latest\n\n```css\n.product-card .buy { order: -1; }\n```',
		}),
		redirect: 'manual',
	});
	const location = res.headers.get('location');
	return location?.startsWith('/forum/t/') ? location : undefined;
}

const METRICS = {
	FCP: 'first-contentful-paint',
	LCP: 'largest-contentful-paint',
	TBT: 'total-blocking-time',
	CLS: 'cumulative-layout-shift',
};

/** The status of a GET on a fresh connection (a pooled one may have idled past the keep-alive timeout). */
function statusOf(url: string): Promise<number> {
	return new Promise((resolve) => {
		const req = http.get(url, { agent: false }, (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.on('error', () => resolve(0));
	});
}

/** Lighthouse once more when the trace failed (NO_NAVSTART and the like happen on a busy machine). */
function lighthouseWithRetry(url: string, out: string): ReturnType<typeof lighthouse> {
	const first = lighthouse(url, out);
	return typeof first === 'string' || !first.runtimeError ? first : lighthouse(url, out);
}

function lighthouse(
	url: string,
	out: string,
):
	| { scores: Record<string, number>; scriptBytes: number; metrics: string; runtimeError?: string }
	| string {
	const result = spawnSync(
		'lighthouse',
		[
			url,
			'--output=json',
			`--output-path=${out}`,
			'--quiet',
			`--only-categories=${CATEGORIES.join(',')}`,
			'--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
		],
		{ env: { ...process.env, CHROME_PATH: CHROME }, encoding: 'utf8', timeout: 180_000 },
	);
	if (!fs.existsSync(out))
		return `lighthouse failed: ${(result.stderr || result.error?.message || '').slice(-400)}`;
	const report = JSON.parse(fs.readFileSync(out, 'utf8')) as {
		runtimeError?: { code: string };
		categories: Record<string, { score: number | null }>;
		audits: Record<
			string,
			{
				displayValue?: string;
				details?: { items?: { resourceType?: string; transferSize?: number }[] };
			}
		>;
	};
	const scores = Object.fromEntries(
		CATEGORIES.map((c) => [c, Math.round((report.categories[c]?.score ?? 0) * 100)]),
	);
	const requests = report.audits['network-requests']?.details?.items ?? [];
	const scriptBytes = requests
		.filter((r) => r.resourceType === 'Script')
		.reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
	const metrics = Object.entries(METRICS)
		.map(([label, id]) => `${label} ${report.audits[id]?.displayValue ?? '?'}`)
		.join(', ');
	return { scores, scriptBytes, metrics, runtimeError: report.runtimeError?.code };
}

ensureBuilt();
if (!fs.existsSync(CHROME)) {
	console.error(
		`Chromium not found at ${CHROME}: apt-get install -y chromium, or set CHROME_PATH.`,
	);
	process.exit(1);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-lighthouse-'));
const server = await startServer({
	DATA_DIR: path.join(dir, 'data'),
	TRUST_PROXY: '1',
	NODE_ENV: 'production',
});
try {
	await waitHealthy(server);
	const pages: Audited[] = [
		{ name: 'home', path: '/' },
		{ name: 'manual page', path: '/manuals/getting-started/installation', jsBudget: true },
		{ name: 'topic page', path: await sampleTopic(server).catch(() => undefined) },
		{ name: 'hints list', path: '/hints' },
	];
	console.log(`Reports in ${dir}\n`);
	console.log(
		`${'page'.padEnd(14)} ${CATEGORIES.map((c) => c.padStart(15)).join('')}   JS bytes   metrics`,
	);
	for (const page of pages) {
		const status = page.path ? await statusOf(`${server.url}${page.path}`) : 0;
		if (!page.path || status !== 200) {
			skip(
				`${page.name} audited`,
				page.path ? `${page.path} answers ${status} (feature not merged?)` : 'no page to audit',
			);
			continue;
		}
		const result = lighthouseWithRetry(
			`${server.url}${page.path}`,
			path.join(dir, `${page.name.replace(/\W+/g, '-')}.json`),
		);
		if (typeof result === 'string') {
			check(`${page.name} audited`, false, result);
			continue;
		}
		console.log(
			`${page.name.padEnd(14)} ${CATEGORIES.map((c) => String(result.scores[c]).padStart(15)).join('')}   ${result.scriptBytes}   ${result.metrics}`,
		);
		for (const category of CATEGORIES) {
			check(
				`${page.name}: ${category} ≥ ${MIN_SCORE[category]}`,
				result.scores[category]! >= MIN_SCORE[category],
				String(result.scores[category]),
			);
		}
		if (page.jsBudget) {
			check(
				`${page.name}: JavaScript under ${MAX_MANUAL_JS_BYTES / 1024} KB`,
				result.scriptBytes < MAX_MANUAL_JS_BYTES,
				`${(result.scriptBytes / 1024).toFixed(1)} KB`,
			);
		}
	}
} finally {
	await server.stop();
}
finish();
