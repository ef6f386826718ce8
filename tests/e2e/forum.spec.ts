import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { loginAs } from './helpers/auth.ts';
import type { E2EUser } from './helpers/users.ts';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function pageAs(browser: Browser, who: E2EUser): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await loginAs(page, who);
	return page;
}

/** Fails the test if any JavaScript dialog opens (an executed `alert`). */
function forbidDialogs(page: Page): string[] {
	const dialogs: string[] = [];
	page.on('dialog', async (dialog) => {
		dialogs.push(dialog.message());
		await dialog.dismiss();
	});
	return dialogs;
}

async function startTopic(
	page: Page,
	category: string,
	title: string,
	body: string,
): Promise<string> {
	await page.goto(`/forum/c/${category}`);
	await page.getByRole('link', { name: 'New topic' }).click();
	await expect(page.getByLabel('Category')).toHaveValue(category);
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Your question or proposal').fill(body);
	await page.getByRole('button', { name: 'Create topic' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	return page.url();
}

test('developer asks, alice answers quoting and mentioning, the answer is accepted, staff pin and lock', async ({
	browser,
}) => {
	const dev = await pageAs(browser, 'developer');
	const alice = await pageAs(browser, 'alice');
	const staff = await pageAs(browser, 'staff');
	const title = `Sticky header on the product page ${unique()}`;

	// A developer starts a topic in Design changes.
	const topicUrl = await startTopic(
		dev,
		'design-changes',
		title,
		'How can I make the **header sticky** on product pages?',
	);
	expect(topicUrl).toMatch(
		/\/forum\/t\/sticky-header-on-the-product-page-[a-z0-9]+-[0-9a-f-]{36}$/,
	);
	await expect(dev.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(
		'Co-development › Design changes',
	);

	// Alice replies, quoting the question and mentioning the developer.
	await alice.goto(topicUrl);
	await alice.getByRole('link', { name: 'Quote' }).first().click();
	const box = alice.getByLabel('Your reply');
	await expect(box).toHaveValue(
		/Dev Eloper wrote\]\(\/forum\/p\/[0-9a-f-]+\):\n> How can I make the \*\*header sticky\*\* on product pages\?/,
	);
	await box.press('End');
	await box.pressSequentially('@dev-eloper use position: sticky on .header');
	await expect(alice.locator('[data-live-preview]')).toContainText('use position: sticky');
	await alice.getByRole('button', { name: 'Post reply' }).click();
	const reply = alice.locator('article.post').filter({ hasText: 'use position: sticky' });
	await expect(reply).toBeVisible();
	await expect(reply.locator('blockquote')).toContainText('header sticky');
	await expect(reply.getByRole('link', { name: '@dev-eloper' })).toHaveAttribute(
		'href',
		'/u/dev-eloper',
	);
	await expect(alice).toHaveURL(/#post-[0-9a-f-]{36}$/);

	// The developer sees the notification in the header and on the notifications page.
	await dev.goto('/forum');
	const bell = dev.getByRole('banner').getByRole('link', { name: /^Notifications, \d+ unread$/ });
	await expect(bell).toBeVisible();
	await bell.click();
	const note = dev.getByRole('link', { name: `Alice Customer mentioned you in “${title}”` });
	await expect(note).toBeVisible();
	await note.click();
	await expect(dev).toHaveURL(/#post-[0-9a-f-]{36}$/);

	// The developer accepts the answer: shown near the top, "Solved" in lists.
	await dev
		.locator('article.post')
		.filter({ hasText: 'use position: sticky' })
		.getByRole('button', { name: 'Accept as answer' })
		.click();
	const accepted = dev.getByRole('region', { name: 'Accepted answer' });
	await expect(accepted).toContainText('use position: sticky');
	await dev.goto('/forum/c/design-changes');
	await expect(dev.getByRole('row').filter({ hasText: title }).getByText('Solved')).toBeVisible();

	// Alice has the reply box open while staff pin and lock the topic.
	await alice.goto(topicUrl);
	await staff.goto(topicUrl);
	await staff.getByRole('button', { name: 'Pin topic' }).click();
	await expect(staff.locator('.topic-meta').getByText('Pinned')).toBeVisible();
	await staff.getByRole('button', { name: 'Lock topic' }).click();
	await expect(staff.locator('.topic-meta').getByText('Locked')).toBeVisible();
	await staff.goto('/forum/c/design-changes');
	await expect(staff.getByRole('row').nth(1)).toContainText(title);
	await staff.goto('/staff/forum/log');
	await expect(staff.getByRole('row').filter({ hasText: title }).first()).toContainText(
		'Locked topic',
	);

	// A reply to the locked topic is refused with a message, and nothing is posted.
	await alice.getByLabel('Your reply').fill('One more thing!');
	await alice.getByRole('button', { name: 'Post reply' }).click();
	await expect(alice.getByRole('alert')).toContainText(
		'This topic is locked: it takes no new replies.',
	);
	await alice.goto(topicUrl);
	await expect(alice.getByText('One more thing!')).toHaveCount(0);
	await expect(alice.getByRole('status').filter({ hasText: 'locked' })).toBeVisible();
	await expect(alice.getByLabel('Your reply')).toHaveCount(0);
});

test('a hidden topic stays hidden from customers', async ({ browser }) => {
	const bob = await pageAs(browser, 'bob');
	const alice = await pageAs(browser, 'alice');
	const staff = await pageAs(browser, 'staff');
	const title = `Custom payment module question ${unique()}`;
	const topicUrl = await startTopic(bob, 'custom-development', title, 'Contact me at spam.example');

	await staff.goto(topicUrl);
	await staff.getByRole('button', { name: 'Hide topic' }).click();
	await expect(staff.locator('.topic-meta').getByText('Hidden')).toBeVisible();

	for (const page of [alice, bob]) {
		const res = await page.goto(topicUrl);
		expect(res?.status()).toBe(404);
		await page.goto('/forum');
		await expect(page.getByText(title)).toHaveCount(0);
		await page.goto('/forum/c/co-development');
		await expect(page.getByText(title)).toHaveCount(0);
		const similar = await page.request.get(`/api/forum/similar?q=${encodeURIComponent(title)}`);
		expect(JSON.stringify(await similar.json())).not.toContain(title);
	}
	await staff.goto('/forum/c/custom-development');
	await expect(staff.getByRole('row').filter({ hasText: title }).getByText('Hidden')).toBeVisible();
});

test('Markdown in a post cannot run script', async ({ browser }) => {
	const bob = await pageAs(browser, 'bob');
	const dialogs = forbidDialogs(bob);
	const title = `Script test ${unique()}`;
	await bob.goto('/forum/new?category=general');
	await bob.getByLabel('Title').fill(title);
	const body =
		'<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n<img src=x onerror=alert(1)>';
	await bob.getByLabel('Your question or proposal').fill(body);
	await expect(bob.locator('[data-live-preview]')).toContainText('<script>alert(1)</script>');
	await bob.getByRole('button', { name: 'Create topic' }).click();
	await expect(bob.getByRole('heading', { level: 1, name: title })).toBeVisible();

	const post = bob.locator('article.post').first();
	await expect(post).toContainText('<script>alert(1)</script>');
	await expect(post.locator('script')).toHaveCount(0);
	await expect(post.locator('img')).toHaveCount(0);
	await expect(post.locator('a[href^="javascript"]')).toHaveCount(0);
	// The javascript: link is refused by the renderer and stays text; clicking it does nothing.
	await post.getByText('[x](javascript:alert(1))').click();
	await bob.reload();
	expect(dialogs).toEqual([]);
});

test('suggests similar topics and manual pages while a topic is typed', async ({ page }) => {
	await loginAs(page, 'alice');
	await page.goto('/forum/new?title=' + encodeURIComponent('Currency'));
	await expect(page.getByLabel('Title')).toHaveValue('Currency');
	await page.getByLabel('Title').fill('How do I change currency rates');
	const results = page.locator('[data-similar-results]');
	await expect(results.getByRole('link').first()).toBeVisible();
	await expect(results).toContainText(/Currenc/i);
	await expect(results.getByText('Manual').first()).toBeVisible();
});

test('refuses a new account posting too fast, with a clear message', async ({ page }) => {
	const email = `fast-${unique()}@e2e.test`;
	await page.goto('/signup');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Display name').fill('Fast Poster');
	await page.getByLabel('Password').fill('a good password');
	await page.getByRole('button', { name: 'Sign up' }).click();
	await expect(
		page.getByRole('banner').locator('summary', { hasText: 'Fast Poster' }),
	).toBeVisible();

	const topicUrl = await startTopic(page, 'general', `Rate limit check ${unique()}`, 'first');
	for (const text of ['second', 'third']) {
		await page.getByLabel('Your reply').fill(text);
		await page.getByRole('button', { name: 'Post reply' }).click();
		await expect(page.locator('article.post').filter({ hasText: text })).toBeVisible();
	}
	await page.goto(topicUrl);
	await page.getByLabel('Your reply').fill('fourth');
	await page.getByRole('button', { name: 'Post reply' }).click();
	await expect(page.getByRole('alert')).toContainText(
		/posting too quickly.*Try again in \d+ seconds/,
	);
	await expect(page.getByLabel('Your reply')).toHaveValue('fourth');
});

test('works without JavaScript: preview, quote, edit with history for staff', async ({
	browser,
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await loginAs(page, 'developer');
	const title = `No-JS topic ${unique()}`;
	await page.goto('/forum/new?category=integrations&title=' + encodeURIComponent(title));
	await expect(page.getByLabel('Title')).toHaveValue(title);
	await page
		.getByLabel('Your question or proposal')
		.fill('Use `curl` like this:\n\n```bash\ncurl -s https://example.com\n```');
	await page.getByRole('button', { name: 'Preview' }).click();
	const preview = page.getByRole('region', { name: 'Preview' });
	await expect(preview.locator('pre code')).toContainText('curl -s https://example.com');
	await expect(page.getByLabel('Title')).toHaveValue(title);
	await page.getByRole('button', { name: 'Create topic' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const topicUrl = page.url();

	await page.getByRole('link', { name: 'Quote' }).first().click();
	await expect(page.getByLabel('Your reply')).toHaveValue(
		/^\[Dev Eloper wrote\]\(\/forum\/p\/[0-9a-f-]+\):\n> Use `curl` like this:/,
	);

	await page.goto(topicUrl);
	await page.getByRole('link', { name: 'Edit' }).click();
	await page.getByLabel('Post').fill('Use `wget` instead.');
	await page.getByRole('button', { name: 'Save changes' }).click();
	const post = page.locator('article.post').first();
	await expect(post).toContainText('Use wget instead.');
	await expect(post.getByText('(edited)')).toBeVisible();
	await context.close();

	const staff = await pageAs(browser, 'staff');
	await staff.goto(topicUrl);
	await staff.locator('article.post').first().getByRole('link', { name: '(edited)' }).click();
	await expect(staff.getByRole('heading', { level: 1, name: 'Edit history' })).toBeVisible();
	await expect(staff.locator('.source').last()).toContainText('curl -s https://example.com');
	const customer = await pageAs(browser, 'alice');
	const res = await customer.goto(staff.url());
	expect(res?.status()).toBe(404);
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`forum pages pass an accessibility scan (${colorScheme})`, async ({ browser }) => {
		// Eight axe scans: slow on a busy machine.
		test.setTimeout(300_000);
		const staff = await pageAs(browser, 'staff');
		await staff.emulateMedia({ colorScheme });
		const topicUrl = await startTopic(
			staff,
			'general',
			`Accessible topic ${unique()}`,
			'Some `code` and a list:\n\n- one\n- two',
		);
		await staff.getByLabel('Your reply').fill('A **reply** with @dev-eloper');
		await staff.getByRole('button', { name: 'Post reply' }).click();
		await expect(staff.locator('article.post')).toHaveCount(2);
		for (const path of [
			topicUrl,
			'/forum',
			'/forum/c/co-development',
			'/forum/new',
			'/notifications',
			'/u/sam-staff',
			'/staff/forum/categories',
			'/staff/forum/log',
		]) {
			await staff.goto(path);
			const results = await new AxeBuilder({ page: staff })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
				.analyze();
			const violations = results.violations.map(
				(v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
			);
			expect(violations).toEqual([]);
		}
	});
}
