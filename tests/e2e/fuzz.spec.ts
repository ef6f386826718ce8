// Property-based input tests: generated query strings and form bodies, hostile and random, on
// every surface of support/inputs.ts. No input may yield a 5xx, markup that could run, a redirect
// off the site, or broken JSON. Write surfaces are also checked on the page an accepted write
// redirects to, may not run into a posting limit, and must accept some of the generated writes.
// (Markdown's own hostile-input properties: tests/unit/markdown.)
import fc from 'fast-check';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { BASE_URL } from './helpers/base-url.ts';
import { INPUT_SURFACES, type InputSurface } from './helpers/inputs.ts';
import type { WriteSurface } from './helpers/write-surfaces.ts';
import { findElements, inlineCodeFindings } from './helpers/page-html.ts';
import { fakeClientAddress, requestAs } from './helpers/viewers.ts';

const MARK = 'fuzzmark';
// NOTE: refusals the server answers itself (413 body too large, 400 characters it cannot store)
// are plain text; everything else is HTML or JSON.
const HOSTILE = [
	`<${MARK}>`,
	`"><${MARK} a=1>`,
	`'><${MARK}>`,
	`</title><${MARK}>`,
	`</textarea><${MARK}>`,
	`</script><${MARK}>`,
	'<img src=x onerror=alert(1)>',
	'" onmouseover="alert(1)',
	"' autofocus onfocus='alert(1)",
	'<svg onload=alert(1)>',
	'javascript:alert(1)',
	'//evil.example',
	'/\\evil.example',
	'https://evil.example/',
	'\\\\evil.example',
	"' OR '1'='1",
	'"; DROP TABLE users; --',
	'1; SELECT pg_sleep(0)',
	'$(id)',
	'{{7*7}}',
	'${7*7}',
	'../../etc/passwd',
	'%00',
	'%',
	'%E0%A4%A',
	'\u0000',
	'\r\nSet-Cookie: x=1',
	'\u202e',
	'\ud800',
	'😀',
	'ﬀ',
	'0',
	'-1',
	'99999999999999999999',
	'2026-02-30T25:61:00Z',
	'1e308',
	'NaN',
	'true',
	'[]',
	'{}',
	'null',
	' ',
];
const value = fc.oneof(
	fc.constantFrom(...HOSTILE),
	fc.string({ unit: 'binary', maxLength: 80 }),
	fc
		.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 })), { maxLength: 8 })
		.map((parts) => parts.join('')),
	fc
		.constantFrom('a', 'é', '<', '%')
		.chain((c) => fc.integer({ min: 1, max: 6_000 }).map((n) => c.repeat(n))),
);
// Runs per surface; a write run also follows its redirect and undoes the write.
const RUNS = 60;
const WRITE_RUNS = 25;

// NOTE: write surfaces need most of their fields present and valid to get past validation; the
// test asserts that some generated writes were accepted.
function inputs({ fields, valid = {}, write }: InputSurface) {
	const field = (name: string) => {
		const choices = valid[name];
		return choices
			? fc.oneof(
					{ arbitrary: fc.constantFrom(...choices), weight: 5 },
					{ arbitrary: value, weight: 1 },
				)
			: value;
	};
	const absent = { nil: undefined, freq: write ? 15 : 5 };
	return fc.record(Object.fromEntries(fields.map((f) => [f, fc.option(field(f), absent)])));
}

function definedFields(input: Record<string, string | undefined>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(input).filter((e): e is [string, string] => e[1] !== undefined),
	);
}

// NOTE: its own client address per request, so rate limits here lock no other test out.
const headers = () => ({ origin: BASE_URL, 'x-forwarded-for': fakeClientAddress() });

async function send(
	api: APIRequestContext,
	method: InputSurface['method'],
	path: string,
	form: Record<string, string>,
): Promise<APIResponse> {
	if (method === 'GET') {
		const query = new URLSearchParams(form).toString();
		return api.get(`${path}${query ? `?${query}` : ''}`, { headers: headers(), maxRedirects: 0 });
	}
	return api.post(path, { form, headers: headers(), maxRedirects: 0 });
}

async function problemsOf(res: APIResponse, body?: string): Promise<string[]> {
	const problems: string[] = [];
	if (res.status() >= 500) problems.push(`status ${res.status()}`);
	const location = res.headers()['location'];
	if (location && new URL(location, BASE_URL).origin !== new URL(BASE_URL).origin)
		problems.push(`redirect to ${location}`);
	const type = res.headers()['content-type'] ?? '';
	body ??= await res.text();
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

/** Sends one generated write; after an accepted one, checks the pages showing it, then undoes it. */
async function writeProblems(
	write: WriteSurface,
	surface: InputSurface,
	input: Record<string, string>,
): Promise<{ problems: string[]; accepted: boolean }> {
	const run = await write.run();
	const form = { ...run.fixed, ...input };
	const res = await send(run.api, surface.method, run.path, form);
	const problems = await problemsOf(res);
	if (res.status() === 429)
		problems.push('status 429: the writer must change accounts before a posting limit');
	const location = res.headers()['location'];
	if (res.status() !== 303 || !location || problems.length > 0)
		return { problems, accepted: false };
	const shown = await run.api.get(location, { headers: headers() });
	const html = await shown.text();
	problems.push(...(await problemsOf(shown, html)).map((p) => `${location}: ${p}`));
	if (!shown.ok()) problems.push(`${location}: status ${shown.status()}`);
	if (problems.length > 0) return { problems, accepted: true };
	const { pages = [], undo } = await write.written(run, location, html, form);
	for (const page of pages) {
		problems.push(
			...(await problemsOf(await run.api.get(page, { headers: headers() }))).map(
				(p) => `${page}: ${p}`,
			),
		);
	}
	await undo?.();
	return { problems, accepted: true };
}

for (const surface of INPUT_SURFACES) {
	test(`${surface.method} ${surface.name} (${surface.path}) survives generated input`, async () => {
		test.setTimeout(120_000);
		const api = await requestAs(surface.viewer ?? 'anonymous');
		const write = surface.write?.();
		let accepted = 0;
		try {
			await fc.assert(
				fc.asyncProperty(inputs(surface), async (generated) => {
					const input = definedFields(generated);
					const problems = write
						? await writeProblems(write, surface, input).then(
								(r) => (r.accepted && accepted++, r.problems),
							)
						: await problemsOf(await send(api, surface.method, surface.path, input));
					expect(
						problems,
						`${surface.method} ${surface.path} ${JSON.stringify(input).slice(0, 300)}`,
					).toEqual([]);
				}),
				{ numRuns: write ? WRITE_RUNS : RUNS },
			);
			// Writes that never pass validation would leave the write path and its pages unfuzzed.
			if (write) expect(accepted, 'generated writes the server accepted').toBeGreaterThan(0);
		} finally {
			await write?.close();
			await api.dispose();
		}
	});
}
