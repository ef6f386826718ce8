// Rate limits answer 429 with Retry-After, over the no-JS form flow, the actions' RPC endpoints and
// forms posted from a real page. The counts live in the database for the server's whole run, so
// each test counts against its own key: its own client address (X-Forwarded-For; the e2e server
// trusts the proxy header) for the address limits, a freshly signed-up account for the per-user
// ones (posting, tickets), never a fixture user other specs post as.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signUpFresh } from './helpers/accounts.ts';
import {
	expectRefused,
	expectRefusedPage,
	expectRetryAfter,
	fromAddress,
	post,
	redirectTarget,
	submit,
} from './helpers/rate-limit-checks.ts';
import { E2E_USERS } from './helpers/users.ts';
import { fakeClientAddress } from './helpers/viewers.ts';

// NOTE: a sign-up (argon2) and up to 22 posts per test on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const HOUR_MS = 60 * 60 * 1000;

test('locks an account after five failed logins with 429 and Retry-After', async ({ request }) => {
	const address = fromAddress(fakeClientAddress());
	const form = { email: `target-${crypto.randomUUID()}@e2e.test`, password: 'guess 1 guess 1' };
	for (let attempt = 1; attempt <= 5; attempt++) {
		expect(
			(await post(request, '/login?_action=auth.login', form, address)).status(),
			`attempt ${attempt}`,
		).toBe(401);
	}
	const page = await post(request, '/login?_action=auth.login', form, address);
	expectRetryAfter(page, 15 * 60);
	expect(await page.text()).toContain('Too many failed login attempts');
	expectRetryAfter(
		await post(request, '/_actions/auth.login', form, fromAddress(fakeClientAddress())),
		15 * 60,
	);
});

test('limits failed logins per client address across accounts', async ({ request }) => {
	const address = fromAddress(fakeClientAddress());
	const attempt = () =>
		post(
			request,
			'/_actions/auth.login',
			{ email: `spray-${crypto.randomUUID()}@e2e.test`, password: 'guess 1 guess 1' },
			address,
		);
	for (let n = 1; n <= 30; n++) expect((await attempt()).status(), `attempt ${n}`).toBe(401);
	expectRetryAfter(await attempt(), 15 * 60);
});

test('limits sign-ups per client address with 429 and Retry-After', async ({ request }) => {
	const address = fromAddress(fakeClientAddress());
	// A taken email is refused (400, "exists already") after the limit counted the attempt, so no
	// account is made.
	const form = {
		email: E2E_USERS.alice.email,
		displayName: 'Signup Flood',
		password: 'flood password 1',
	};
	for (let attempt = 1; attempt <= 10; attempt++) {
		expect(
			(await post(request, '/signup?_action=auth.signUp', form, address)).status(),
			`attempt ${attempt}`,
		).toBe(400);
	}
	expectRetryAfter(await post(request, '/signup?_action=auth.signUp', form, address), 60 * 60);
	expectRetryAfter(await post(request, '/_actions/auth.signUp', form, address), 60 * 60);
});

// Forum posting (src/server/forum/posting.service.ts, POST_RATE_LIMITS): topics and replies count
// alike, 10 a minute, 3 a minute while the account is under a day old.

function topicIdOf(topicUrl: string): string {
	return /([0-9a-f-]{36})$/.exec(topicUrl)![1]!;
}

function newTopic(api: APIRequestContext, title: string, headers: Record<string, string> = {}) {
	return post(
		api,
		'/forum/new?_action=forum.createTopic',
		{ categorySlug: 'general', title, body: 'Can the product cards show a size chart?' },
		headers,
	);
}

async function expectTopicCount(page: Page, handle: string, count: number): Promise<void> {
	await page.goto(`/u/${handle}`);
	await expect(page.locator('dt', { hasText: 'Topics' }).locator('+ dd')).toHaveText(String(count));
}

test('limits a new account to 3 forum posts a minute, topics and replies alike', async ({
	page,
}) => {
	const me = await signUpFresh(page.request, 'Quick Newcomer');
	const topicUrl = redirectTarget(
		await newTopic(page.request, `Size chart on product cards ${unique()}`),
		'topic',
	);
	const topicId = topicIdOf(topicUrl);
	for (const body of ['Second post.', 'Third post.']) {
		redirectTarget(
			await post(page.request, `${topicUrl}?_action=forum.reply`, { topicId, body }),
			body,
		);
	}

	// The fourth post, a topic from the browser's form: the form again, with the message and text.
	const message =
		/new accounts can post 3 times a minute during their first day\. Try again in \d+ seconds\./;
	const title = `Over the limit ${unique()}`;
	await page.goto('/forum/new?category=general');
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Your question or proposal').fill('Fourth post.');
	await expectRefusedPage(
		page,
		await submit(page, page.getByRole('button', { name: 'Create topic' })),
		60,
		message,
	);
	await expect(page.getByLabel('Title')).toHaveValue(title);
	await expect(page.getByLabel('Your question or proposal')).toHaveValue('Fourth post.');
	await expectRefused(
		await post(page.request, '/_actions/forum.reply', { topicId, body: 'Fourth reply.' }),
		60,
		message,
	);

	// Nothing of the refused posts was written.
	await expectTopicCount(page, me.handle, 1);
	await page.goto(topicUrl);
	await expect(page.locator('article.post')).toHaveCount(3);
});

test('refuses text the database cannot store before it counts against the posting limit', async ({
	page,
}) => {
	await signUpFresh(page.request, 'Careless Paster');
	const topicUrl = redirectTarget(
		await newTopic(page.request, `Pasted from a binary file ${unique()}`),
		'topic',
	);
	const topicId = topicIdOf(topicUrl);
	// Five NUL posts, more than the 2 posts this new account has left this minute: each is a 400
	// with the field message, over the no-JS form flow and the RPC endpoint alike.
	for (let n = 1; n <= 5; n++) {
		const path = n % 2 ? `${topicUrl}?_action=forum.reply` : '/_actions/forum.reply';
		const res = await post(page.request, path, { topicId, body: `Binary\u0000paste ${n}` });
		expect(res.status(), `NUL post ${n}`).toBe(400);
		expect(await res.text()).toContain('characters we cannot store');
	}
	// The slots are all still there: two more posts go in, the third is over the limit.
	for (const body of ['Second post.', 'Third post.']) {
		redirectTarget(
			await post(page.request, `${topicUrl}?_action=forum.reply`, { topicId, body }),
			body,
		);
	}
	expect(
		(
			await post(page.request, `${topicUrl}?_action=forum.reply`, { topicId, body: 'Fourth.' })
		).status(),
	).toBe(429);
	await page.goto(topicUrl);
	await expect(page.locator('article.post')).toHaveCount(3);
});

test('limits an account older than a day to 10 forum posts a minute', async ({ page }) => {
	const me = await signUpFresh(page.request, 'Seasoned Poster');
	// The server's clock a day ahead, for these requests only: the account counts as a day old.
	const dayLater = { 'x-portal-now': new Date(Date.now() + 25 * HOUR_MS).toISOString() };
	const topicUrl = redirectTarget(
		await newTopic(page.request, `Sticky cart button ${unique()}`, dayLater),
		'topic',
	);
	const topicId = topicIdOf(topicUrl);
	const replyIds: string[] = [];
	for (let n = 2; n <= 10; n++) {
		const res = await post(
			page.request,
			`${topicUrl}?_action=forum.reply`,
			{ topicId, body: `Post ${n}.` },
			dayLater,
		);
		replyIds.push(redirectTarget(res, `post ${n}`).split('/').pop()!);
	}

	// The eleventh, a reply from the browser's form.
	const message =
		/You are posting too quickly: at most 10 posts a minute\. Try again in \d+ seconds\./;
	await page.setExtraHTTPHeaders(dayLater);
	await page.goto(topicUrl);
	await page.getByLabel('Your reply').fill('Post 11.');
	await expectRefusedPage(
		page,
		await submit(page, page.getByRole('button', { name: 'Post reply' })),
		60,
		message,
	);
	await expect(page.getByLabel('Your reply')).toHaveValue('Post 11.');
	await expectRefused(
		await newTopic(page.request, `One topic too many ${unique()}`, dayLater),
		60,
		message,
	);

	await expectTopicCount(page, me.handle, 1);
	await page.goto(topicUrl);
	const posts = page.locator('article.post');
	await expect(posts).toHaveCount(10);

	// Its posts are dated a day ahead and would top every topic list (other specs take the first
	// topic on /forum): delete them, which deletes the topic. The pinned clock does not tick, so
	// all ten share one timestamp: the first post is the one that is not a reply.
	const postIds = await posts.evaluateAll((list) => list.map((p) => p.id.replace(/^post-/, '')));
	const firstPostId = postIds.find((id) => !replyIds.includes(id))!;
	for (const postId of [...replyIds, firstPostId]) {
		redirectTarget(
			await post(page.request, `${topicUrl}?_action=forum.deletePost`, { postId }),
			`delete ${postId}`,
		);
	}
	expect(await (await page.request.get('/forum')).text()).not.toContain(topicId);
});

// Tickets (src/server/tickets/tickets.service.ts): CREATE_LIMIT 5 per 10 minutes, REPLY_LIMIT 20 a
// minute, per user.

function ticketForm(subject: string): Record<string, string> {
	return {
		subject,
		description: 'Product pages show no images since this morning.',
		severity: '4',
		category: 'other',
	};
}

test('limits opening tickets to 5 in 10 minutes', async ({ page }) => {
	await signUpFresh(page.request, 'Ticket Opener');
	const tag = unique();
	for (let n = 1; n <= 5; n++) {
		redirectTarget(
			await post(
				page.request,
				'/tickets/new?_action=tickets.create',
				ticketForm(`Images vanish, shop ${n} ${tag}`),
			),
			`ticket ${n}`,
		);
	}

	const message =
		/You opened 5 tickets in the last 10 minutes\. Please add to an open ticket instead\. Try again in \d+ (minutes|seconds)\./;
	const subject = `Images vanish, shop 6 ${tag}`;
	await page.goto('/tickets/new');
	await page.getByLabel('Subject').fill(subject);
	await page.getByLabel('Description').fill('Sixth ticket.');
	await page.getByRole('radio', { name: /Severity 4/ }).check();
	await expectRefusedPage(
		page,
		await submit(page, page.getByRole('button', { name: 'Submit ticket' })),
		600,
		message,
	);
	await expect(page.getByLabel('Subject')).toHaveValue(subject);
	await expect(page.getByLabel('Description')).toHaveValue('Sixth ticket.');
	await expectRefused(
		await post(page.request, '/_actions/tickets.create', ticketForm(subject)),
		600,
		message,
	);

	await page.goto('/tickets');
	await expect(page.locator('tr[data-ticket]')).toHaveCount(5);
});

test('limits ticket replies to 20 a minute', async ({ page }) => {
	await signUpFresh(page.request, 'Ticket Replier');
	const created = await post(
		page.request,
		'/tickets/new?_action=tickets.create',
		ticketForm(`Checkout times out ${unique()}`),
	);
	const ticketPath = redirectTarget(created, 'ticket').split('?')[0]!;
	const number = /^\/tickets\/(\d+)$/.exec(ticketPath)![1]!;
	for (let n = 1; n <= 20; n++) {
		redirectTarget(
			await post(page.request, `${ticketPath}?_action=tickets.reply`, {
				number,
				body: `Detail ${n}.`,
			}),
			`reply ${n}`,
		);
	}

	const message =
		/You are replying very fast: at most 20 messages a minute\. Try again in \d+ seconds\./;
	await page.goto(ticketPath);
	await page.getByLabel('Your message').fill('Detail 21.');
	await expectRefusedPage(
		page,
		await submit(page, page.getByRole('button', { name: 'Send reply' })),
		60,
		message,
	);
	await expect(page.getByLabel('Your message')).toHaveValue('Detail 21.');
	await expectRefused(
		await post(page.request, '/_actions/tickets.reply', { number, body: 'Detail 22.' }),
		60,
		message,
	);

	await page.goto(ticketPath);
	await expect(page.locator('[data-message]')).toHaveCount(20);
});
