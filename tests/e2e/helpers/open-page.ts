// Opens a case of the shared page list (pages.ts) in its own browser context as its viewer,
// collecting Content-Security-Policy violations the browser reports while it loads.
import type { Browser, BrowserContext, Page, Response } from '@playwright/test';
import type { PageCase } from './pages.ts';
import { resolveTarget } from './targets.ts';
import { browserContextAs } from './viewers.ts';

export interface OpenedPage {
	context: BrowserContext;
	page: Page;
	response: Response;
	path: string;
	/** CSP violations seen so far (`securitypolicyviolation` events and console reports). */
	cspViolations: () => Promise<string[]>;
}

/** Opens the page; throws when its target resolves to nothing. */
export async function openPageCase(browser: Browser, pageCase: PageCase): Promise<OpenedPage> {
	const path = await resolveTarget(pageCase.target);
	if (!path) throw new Error(`${pageCase.name}: the resolver found no page to open`);
	const context = await browserContextAs(browser, pageCase.viewer);
	const page = await context.newPage();
	const consoleReports: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) consoleReports.push(message.text());
	});
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) => {
			seen.push(
				`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
			);
		});
	});
	const response = await page.goto(path, { waitUntil: 'load' });
	if (!response) throw new Error(`${path}: no response`);
	return {
		context,
		page,
		response,
		path,
		cspViolations: async () => [
			...consoleReports,
			...(await page.evaluate(
				() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
			)),
		],
	};
}
