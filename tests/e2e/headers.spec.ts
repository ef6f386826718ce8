// Every page of the shared list (support/pages.ts): security headers, no inline code in the HTML,
// and no Content-Security-Policy violation reported by the browser while it loads.
import { expect, test } from '@playwright/test';
import { parseCsp } from './helpers/csp.ts';
import { openPageCase } from './helpers/open-page.ts';
import { headTags, inlineCodeFindings } from './helpers/page-html.ts';
import { PAGES } from './helpers/pages.ts';
import { describeTarget } from './helpers/targets.ts';

const REFERRER_POLICIES = [
	'no-referrer',
	'same-origin',
	'strict-origin',
	'strict-origin-when-cross-origin',
];

for (const pageCase of PAGES) {
	test(`${pageCase.name} (${describeTarget(pageCase.target)} as ${pageCase.viewer}) sends a strict CSP and no inline code`, async ({
		browser,
	}) => {
		const opened = await openPageCase(browser, pageCase);
		const { context, response, path, cspViolations } = opened;
		try {
			expect(response.status(), path).toBe(pageCase.status ?? 200);
			const headers = response.headers();
			expect(headers['content-type']).toMatch(/^text\/html/);

			const header = headers['content-security-policy'];
			expect(header, 'CSP sent as a header').toBeTruthy();
			const csp = parseCsp(header!);
			expect(header).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'/);
			expect(csp['object-src']).toEqual(["'none'"]);
			expect(csp['base-uri']).toEqual(["'none'"]);
			expect(csp['frame-ancestors']).toEqual(["'none'"]);
			const scriptSources = csp['script-src'] ?? csp['default-src'] ?? [];
			expect(scriptSources.length, 'script-src or default-src').toBeGreaterThan(0);
			expect(scriptSources.filter((s) => s === '*' || /^(?:https?|data|blob):$/.test(s))).toEqual(
				[],
			);

			expect(headers['x-content-type-options']).toBe('nosniff');
			expect(REFERRER_POLICIES).toContain(headers['referrer-policy']);
			expect(headers['strict-transport-security'], 'no HSTS over plain http').toBeUndefined();

			const html = await response.text();
			expect(inlineCodeFindings(html)).toEqual([]);
			expect(await cspViolations()).toEqual([]);

			// Search engines and link previews: a title, a description, a canonical link, social tags.
			const head = headTags(html);
			expect(head.title.length, 'title').toBeGreaterThan(3);
			expect(head.description?.length ?? 0, 'meta description').toBeGreaterThan(30);
			expect(head.canonical, 'canonical link').toMatch(/^https?:\/\//);
			expect(head.ogTitle, 'og:title').toBeTruthy();
			expect(head.ogUrl, 'og:url').toBe(head.canonical);
		} finally {
			await context.close();
		}
	});
}

test('JSON endpoints are marked nosniff and not cached', async ({ request }) => {
	for (const path of ['/api/health', '/api/support/status', '/api/support/sla?severity=2']) {
		const res = await request.get(path);
		expect(res.headers()['content-type'], path).toMatch(/^application\/json/);
		expect(res.headers()['x-content-type-options'], path).toBe('nosniff');
		expect(res.headers()['cache-control'], path).toMatch(/no-store/);
	}
});
