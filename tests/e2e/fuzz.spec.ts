// Property-based input tests: generated query strings and form bodies, hostile and random, on
// every surface of support/inputs.ts. No input may yield a 5xx, markup that could run, a redirect
// off the site, or broken JSON. (Markdown's own hostile-input properties: tests/unit/markdown.)
import fc from 'fast-check';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { BASE_URL } from './support/base-url.ts';
import { INPUT_SURFACES, type InputSurface } from './support/inputs.ts';
import { findElements, inlineCodeFindings } from './support/page-html.ts';
import { fakeClientAddress, requestAs } from './support/viewers.ts';

const MARK = 'fuzzmark';
// NOTE: refusals the server answers itself (413 body too large, 400 characters it cannot store)
// are plain text; everything else is HTML or JSON.
const HOSTILE = [
	`<${MARK}>`, `"><${MARK} a=1>`, `'><${MARK}>`, `</title><${MARK}>`, `</textarea><${MARK}>`, `</script><${MARK}>`,
	'<img src=x onerror=alert(1)>', '" onmouseover="alert(1)', "' autofocus onfocus='alert(1)", '<svg onload=alert(1)>',
	'javascript:alert(1)', '//evil.example', '/\\evil.example', 'https://evil.example/', '\\\\evil.example',
	"' OR '1'='1", '"; DROP TABLE users; --', '1; SELECT pg_sleep(0)', '$(id)', '{{7*7}}', '${7*7}', '../../etc/passwd',
	'%00', '%', '%E0%A4%A', '\u0000', '\r\nSet-Cookie: x=1', '\u202e', '\ud800', '😀', 'ﬀ', '0', '-1', '99999999999999999999',
	'2026-02-30T25:61:00Z', '1e308', 'NaN', 'true', '[]', '{}', 'null', ' ',
];
const value = fc.oneof(
	fc.constantFrom(...HOSTILE),
	fc.string({ unit: 'binary', maxLength: 80 }),
	fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 })), { maxLength: 8 }).map((parts) => parts.join('')),
	fc.constantFrom('a', 'é', '<', '%').chain((c) => fc.integer({ min: 1, max: 6_000 }).map((n) => c.repeat(n))),
);
const inputs = (fields: string[]) => fc.record(Object.fromEntries(fields.map((f) => [f, fc.option(value, { nil: undefined })])));

async function send(api: APIRequestContext, surface: InputSurface, input: Record<string, string | undefined>): Promise<APIResponse> {
	const entries = Object.entries(input).filter((e): e is [string, string] => e[1] !== undefined);
	// NOTE: its own client address per request, so rate limits here lock no other test out.
	const headers = { origin: BASE_URL, 'x-forwarded-for': fakeClientAddress() };
	if (surface.method === 'GET') {
		const query = new URLSearchParams(entries).toString();
		return api.get(`${surface.path}${query ? `?${query}` : ''}`, { headers, maxRedirects: 0 });
	}
	return api.post(surface.path, { form: Object.fromEntries(entries), headers, maxRedirects: 0 });
}

async function problemsOf(res: APIResponse): Promise<string[]> {
	const problems: string[] = [];
	if (res.status() >= 500) problems.push(`status ${res.status()}`);
	const location = res.headers()['location'];
	if (location && new URL(location, BASE_URL).origin !== new URL(BASE_URL).origin) problems.push(`redirect to ${location}`);
	const type = res.headers()['content-type'] ?? '';
	const body = await res.text();
	if (type.startsWith('text/html')) {
		problems.push(...inlineCodeFindings(body), ...findElements(body, MARK));
	} else if (type.startsWith('application/json')) {
		try {
			JSON.parse(body);
		} catch {
			problems.push('invalid JSON');
		}
	} else if (body && !(res.status() >= 400 && type.startsWith('text/plain'))) {
		problems.push(`unexpected content type "${type}"`);
	}
	return problems;
}

for (const surface of INPUT_SURFACES) {
	test(`${surface.method} ${surface.name} (${surface.path}) survives generated input`, async () => {
		test.setTimeout(120_000);
		const api = await requestAs(surface.viewer ?? 'anonymous');
		try {
			await fc.assert(
				fc.asyncProperty(inputs(surface.fields), async (input) => {
					const res = await send(api, surface, input);
					expect(await problemsOf(res), `${surface.method} ${surface.path} ${JSON.stringify(input).slice(0, 300)}`).toEqual([]);
				}),
				{ numRuns: 60 },
			);
		} finally {
			await api.dispose();
		}
	});
}
