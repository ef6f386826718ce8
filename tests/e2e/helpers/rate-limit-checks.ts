// Checks shared by the rate-limit tests: form posts with the browser's Origin, 429 with a usable
// Retry-After, and forms submitted from a real page that come back with the message.
import {
	expect,
	type APIRequestContext,
	type APIResponse,
	type Locator,
	type Page,
	type Response,
} from '@playwright/test';
import { BASE_URL } from './base-url.ts';

/** A form post with the Origin a browser sends (Astro's checkOrigin refuses form posts without). */
export function post(
	request: APIRequestContext,
	path: string,
	form: Record<string, string>,
	headers: Record<string, string> = {},
): Promise<APIResponse> {
	return request.post(path, { form, headers: { origin: BASE_URL, ...headers }, maxRedirects: 0 });
}

export function fromAddress(address: string): Record<string, string> {
	return { 'x-forwarded-for': address };
}

/** Where a successful form post redirects to (without its fragment). */
export function redirectTarget(res: APIResponse, what: string): string {
	expect(res.status(), what).toBe(303);
	return res.headers()['location']!.split('#')[0]!;
}

export function expectRetryAfter(res: APIResponse | Response, maxSeconds: number): void {
	expect(res.status()).toBe(429);
	const retryAfter = Number(res.headers()['retry-after']);
	expect(Number.isInteger(retryAfter), `Retry-After "${res.headers()['retry-after']}"`).toBe(true);
	expect(retryAfter).toBeGreaterThan(0);
	expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
}

export async function expectRefused(
	res: APIResponse,
	maxSeconds: number,
	message: RegExp,
): Promise<void> {
	expectRetryAfter(res, maxSeconds);
	expect(await res.text()).toMatch(message);
}

/** Clicks a form's submit button and returns the response to the POST (the page shown next). */
export async function submit(page: Page, button: Locator): Promise<Response> {
	const [res] = await Promise.all([
		page.waitForResponse(
			(r) => r.request().method() === 'POST' && r.request().isNavigationRequest(),
		),
		button.click(),
	]);
	return res;
}

/** A form posted from the page over a limit: 429 + Retry-After, and the form again with the message. */
export async function expectRefusedPage(
	page: Page,
	res: Response,
	maxSeconds: number,
	message: RegExp,
): Promise<void> {
	expectRetryAfter(res, maxSeconds);
	// The browser sent the same Origin that `post()` imitates.
	expect(await res.request().headerValue('origin')).toBe(BASE_URL);
	await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
}
