// axe-core on every page of the shared list (support/pages.ts), opened as the page's viewer.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openPageCase } from './helpers/open-page.ts';
import { PAGES } from './helpers/pages.ts';
import { describeTarget } from './helpers/targets.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

for (const pageCase of PAGES) {
	test(`${pageCase.name} (${describeTarget(pageCase.target)} as ${pageCase.viewer}) has no axe violations`, async ({
		browser,
	}) => {
		// NOTE: axe takes seconds per page on a busy 2-core machine.
		test.setTimeout(90_000);
		const opened = await openPageCase(browser, pageCase);
		try {
			// Every rule in the light scheme; the dark scheme only changes colours, so only contrast.
			for (const scheme of ['light', 'dark'] as const) {
				await opened.page.emulateMedia({ colorScheme: scheme });
				const axe = new AxeBuilder({ page: opened.page });
				const results = await (
					scheme === 'light' ? axe.withTags(TAGS) : axe.withRules(['color-contrast'])
				).analyze();
				const violations = results.violations.map((v) => ({
					rule: v.id,
					impact: v.impact,
					help: v.help,
					targets: v.nodes
						.slice(0, 5)
						.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
				}));
				expect(violations, `${opened.path} in the ${scheme} scheme`).toEqual([]);
			}
		} finally {
			await opened.context.close();
		}
	});
}
