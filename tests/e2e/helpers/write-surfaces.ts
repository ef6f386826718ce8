// The write surfaces of the fuzz test (support/inputs.ts): who writes, where, and how each run's
// accepted write is undone so that no other spec sees it. Posting limits are kept out of the way
// by the writer, never by luck: staff post to the forum (not limited), tickets are written by
// fresh customers that are replaced before they reach a limit.
import { expect, request, type APIRequestContext } from '@playwright/test';
import { signUpFresh } from './accounts.ts';
import { BASE_URL } from './base-url.ts';
import { fakeClientAddress, requestAs } from './viewers.ts';

/** One run of a write surface: who posts, to which path, with which fields not generated. */
export interface WriteRun {
	api: APIRequestContext;
	path: string;
	/** Fields sent as they are beside the generated ones (the topic or ticket replied to). */
	fixed?: Record<string, string>;
}

/** Pages to check before `undo` hides the write again. */
export interface Undo {
	pages?: string[];
	undo?: () => Promise<void>;
}

export interface WriteSurface {
	/** Called before each run. */
	run(): Promise<WriteRun>;
	/**
	 * Called after an accepted write (303), with where it redirected to and that page's HTML (both
	 * checked already) and the form sent: counts towards limits and hides the result from others.
	 * Returns further pages showing the write, which the fuzz test checks first.
	 */
	written(
		run: WriteRun,
		location: string,
		html: string,
		form: Record<string, string>,
	): Promise<Undo>;
	/** Called once after the last run. */
	close(): Promise<void>;
}

// src/server/tickets/tickets.service.ts: CREATE_LIMIT 5 per 10 minutes, REPLY_LIMIT 20 a minute.
const TICKET_CREATE_LIMIT = 5;
const TICKET_REPLY_LIMIT = 20;
// Topics go to categories no other spec lists (forum.spec reads design-changes, co-development,
// custom-development and general); they are deleted again anyway.
export const FUZZ_FORUM_CATEGORIES = ['integrations', 'additional-functionality', 'announcements'];

/** Posts a form the way the browser does, from its own client address; expects `status`. */
async function postForm(
	api: APIRequestContext,
	path: string,
	form: Record<string, string>,
	status = 303,
): Promise<string> {
	const res = await api.post(path, {
		form,
		headers: { origin: BASE_URL, 'x-forwarded-for': fakeClientAddress() },
		maxRedirects: 0,
	});
	expect(res.status(), `POST ${path}`).toBe(status);
	return res.headers()['location'] ?? '';
}

function firstPostId(html: string): string {
	const id = /id="post-([0-9a-f-]{36})"/.exec(html)?.[1];
	expect(id, 'the first post of the topic').toBeTruthy();
	return id!;
}

/** Deletes staff's own post; the first post of a topic without replies takes the topic along. */
async function deletePost(
	api: APIRequestContext,
	topicPath: string,
	postId: string,
): Promise<void> {
	await postForm(api, `${topicPath}?_action=forum.deletePost`, { postId });
}

function pathOf(location: string): string {
	return new URL(location, BASE_URL).pathname;
}

/** Forum topics started by staff, each deleted as soon as its page was checked. */
export function forumTopics(): WriteSurface {
	const staff = requestAs('staff');
	return {
		run: async () => ({ api: await staff, path: '/forum/new?_action=forum.createTopic' }),
		async written(run, location, html) {
			const postId = firstPostId(html);
			return { undo: () => deletePost(run.api, pathOf(location), postId) };
		},
		close: async () => (await staff).dispose(),
	};
}

/** Staff replies to one topic of its own; replies are deleted after their check, then the topic. */
export function forumReplies(): WriteSurface {
	const staff = requestAs('staff');
	let topic: Promise<{ id: string; path: string; firstPostId: string }> | undefined;
	const start = async () => {
		const api = await staff;
		const location = await postForm(api, '/forum/new?_action=forum.createTopic', {
			categorySlug: FUZZ_FORUM_CATEGORIES[0]!,
			title: `Fuzzed replies ${Date.now().toString(36)}`,
			body: 'Replies with generated bodies land here; the topic is deleted afterwards.',
		});
		const page = await api.get(location);
		const html = await page.text();
		const id = /name="topicId" value="([0-9a-f-]{36})"/.exec(html)?.[1];
		expect(id, 'topicId of the reply form').toBeTruthy();
		return { id: id!, path: pathOf(page.url()), firstPostId: firstPostId(html) };
	};
	return {
		async run() {
			const { id, path } = await (topic ??= start());
			return { api: await staff, path: `${path}?_action=forum.reply`, fixed: { topicId: id } };
		},
		async written(run, location) {
			const postId = /\/forum\/p\/([0-9a-f-]{36})/.exec(location)?.[1];
			expect(postId, `the reply's address (${location})`).toBeTruthy();
			const { path } = await topic!;
			return { undo: () => deletePost(run.api, path, postId!) };
		},
		async close() {
			const api = await staff;
			if (topic) {
				const { path, firstPostId } = await topic;
				await deletePost(api, path, firstPostId);
			}
			await api.dispose();
		},
	};
}

interface Customer {
	api: APIRequestContext;
	/**
	 * Writes sent, counted against the limit at hand. NOTE: every one, not only the accepted ones,
	 * to stay on the safe side of the limit whatever the server refuses before counting.
	 */
	sent: number;
	ticket?: number;
}

async function freshCustomer(): Promise<Customer> {
	const api = await request.newContext({ baseURL: BASE_URL });
	await signUpFresh(api, 'Fuzz Customer');
	return { api, sent: 0 };
}

/** Closes a ticket so that it leaves the staff queue's default and "new" views. */
async function closeTicket(api: APIRequestContext, ticket: number): Promise<void> {
	await postForm(api, `/tickets/${ticket}?_action=tickets.close`, { number: String(ticket) });
}

function ticketNumber(location: string): number {
	const number = Number(/^\/tickets\/(\d+)/.exec(location)?.[1]);
	expect(number, `ticket number in ${location}`).toBeGreaterThan(0);
	return number;
}

/** New tickets by fresh customers, replaced before CREATE_LIMIT; each ticket is closed after its check. */
export function newTickets(): WriteSurface {
	const customers: Customer[] = [];
	let current: Customer | undefined;
	return {
		async run() {
			if (!current || current.sent >= TICKET_CREATE_LIMIT) {
				current = await freshCustomer();
				customers.push(current);
			}
			current.sent += 1;
			return { api: current.api, path: '/tickets/new?_action=tickets.create' };
		},
		async written(run, location) {
			const ticket = ticketNumber(location);
			return { undo: () => closeTicket(run.api, ticket) };
		},
		close: async () => void (await Promise.all(customers.map((c) => c.api.dispose()))),
	};
}

/** Replies by fresh customers on a ticket of their own, replaced before REPLY_LIMIT. */
export function ticketReplies(): WriteSurface {
	const customers: Customer[] = [];
	let current: Customer | undefined;
	return {
		async run() {
			if (!current || current.sent >= TICKET_REPLY_LIMIT) {
				current = await freshCustomer();
				customers.push(current);
				current.ticket = ticketNumber(
					await postForm(current.api, '/tickets/new?_action=tickets.create', {
						subject: 'Fuzzed replies land here',
						description: 'Replies with generated bodies; the ticket is closed afterwards.',
						severity: '4',
						category: 'other',
					}),
				);
			}
			current.sent += 1;
			const number = String(current.ticket);
			return {
				api: current.api,
				path: `/tickets/${number}?_action=tickets.reply`,
				fixed: { number },
			};
		},
		written: async () => ({}),
		async close() {
			for (const { api, ticket } of customers) {
				if (ticket) await closeTicket(api, ticket);
				await api.dispose();
			}
		},
	};
}

/** Hints created by staff; each is archived after its pages were checked (no public leftovers). */
export function newHints(): WriteSurface {
	const staff = requestAs('staff');
	return {
		run: async () => ({ api: await staff, path: '/staff/hints/new?_action=hints.create' }),
		async written(run, location, html, form) {
			const id = /^\/staff\/hints\/([0-9a-f-]{36})\/edit/.exec(location)?.[1];
			expect(id, `hint id in ${location}`).toBeTruthy();
			const slug = /<a href="\/hints\/([a-z0-9-]+)"[^>]*>View page<\/a>/.exec(html)?.[1];
			expect(slug, 'the "View page" link of the editor').toBeTruthy();
			return {
				// The public page as staff see it (a draft or scheduled hint too).
				pages: [`/hints/${slug}`],
				undo: async () =>
					void (await postForm(run.api, `/staff/hints/${id}/edit?_action=hints.update`, {
						...form,
						slug: slug!,
						id: id!,
						version: '1',
						state: 'archived',
					})),
			};
		},
		close: async () => (await staff).dispose(),
	};
}
