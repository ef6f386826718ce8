// Every route of support/routes.ts as every role: the statuses must match the table exactly.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { BASE_URL } from './helpers/base-url.ts';
import { ROUTES, type Expectation, type Outcome, type RouteCase } from './helpers/routes.ts';
import { describeTarget, resolveTarget } from './helpers/targets.ts';
import { fakeClientAddress, requestAs, VIEWERS, type Viewer } from './helpers/viewers.ts';

async function outcomeOf(api: APIRequestContext, route: RouteCase, path: string): Promise<Outcome> {
	const res = await api.fetch(path, {
		method: route.method,
		...(route.form
			? { form: typeof route.form === 'function' ? await route.form() : route.form }
			: {}),
		// NOTE: its own client address per request, so failed logins here count toward no one else's limit.
		headers: { origin: BASE_URL, 'x-forwarded-for': fakeClientAddress() },
		maxRedirects: 0,
	});
	const location = res.headers()['location'] ?? '';
	if (
		[302, 303, 307].includes(res.status()) &&
		/^(?:https?:\/\/[^/]+)?\/login\?next=/.test(location)
	)
		return 'login';
	return res.status();
}

for (const route of ROUTES) {
	test(`${route.method} ${route.name} (${describeTarget(route.target)})`, async () => {
		const path = await resolveTarget(route.target);
		if (!path) throw new Error(`${route.name}: the resolver found no path`);

		const actual: Partial<Record<Viewer, Expectation>> = {};
		for (const viewer of VIEWERS) {
			const expected = route.expect[viewer];
			if (typeof expected === 'object') {
				actual[viewer] = expected;
				continue;
			}
			const api = await requestAs(viewer, { fresh: route.freshSession });
			try {
				actual[viewer] = await outcomeOf(api, route, path);
			} finally {
				await api.dispose();
			}
		}
		expect(actual, `${route.method} ${path}`).toEqual(route.expect);
	});
}
