// The access-control matrix (tests/e2e/access-matrix.spec.ts): every read and write route
// against every role. Adding a route is one entry.
import {
	aTopic,
	aTopicFirstPostId,
	aTopicId,
	customerTicket,
	customerTicketFile,
	customerTicketNumber,
	forumPostFile,
	internalNoteFile,
	pendingFile,
	SAMPLE_HINT,
} from './sample-data.ts';
import type { Target } from './targets.ts';
import { VIEWERS, type Viewer } from './viewers.ts';

/** A status, or 'login': a redirect to /login?next=… (pages ask anonymous visitors to log in). */
export type Outcome = number | 'login';
export type Expectation = Outcome | { skip: string };
export type Expectations = Record<Viewer, Expectation>;

export interface RouteCase {
	name: string;
	method: 'GET' | 'POST';
	target: Target;
	/** Sent as application/x-www-form-urlencoded, with the site's Origin; a function is called per request. */
	form?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
	expect: Expectations;
	/** Each viewer uses a new session of its own (routes that end the session they are sent with). */
	freshSession?: boolean;
}

const everyone = (outcome: Expectation): Expectations =>
	Object.fromEntries(VIEWERS.map((v) => [v, outcome])) as Expectations;
const signedIn = (ok: Outcome, anonymous: Outcome = 'login'): Expectations => ({
	...everyone(ok),
	anonymous,
});
/** Staff pages answer every signed-in non-staff 403 (one page, src/web/staff-gate.ts). */
const staffOnly = (
	ok: Expectation,
	others: Outcome = 403,
	anonymous: Outcome = 'login',
): Expectations => ({
	anonymous,
	customer: others,
	otherCustomer: others,
	developer: others,
	staff: ok,
	admin: ok,
});

// NOTE: a new email each time: five failures on one account would lock it (429) for the next run.
const unknownLogin = () => ({
	email: `nobody-${crypto.randomUUID()}@e2e.test`,
	password: 'wrong password 1',
});
const WRONG_CURRENT_PASSWORD = {
	currentPassword: 'not it at all',
	newPassword: 'matrix password 2',
	confirmPassword: 'matrix password 2',
};
const ENDS_EVERY_SESSION = {
	skip: 'ends every session of the shared fixture user; auth.spec covers it',
};

export const ROUTES: RouteCase[] = [
	// Pages
	{ name: 'home', method: 'GET', target: '/', expect: everyone(200) },
	{ name: 'support page', method: 'GET', target: '/support', expect: everyone(200) },
	{ name: 'login page', method: 'GET', target: '/login', expect: signedIn(302, 200) },
	{ name: 'sign-up page', method: 'GET', target: '/signup', expect: everyone(200) },
	{ name: 'account page', method: 'GET', target: '/account', expect: signedIn(200) },
	{ name: 'unknown page', method: 'GET', target: '/no/such/page', expect: everyone(404) },

	// JSON
	{ name: 'health', method: 'GET', target: '/api/health', expect: everyone(200) },
	{ name: 'support status', method: 'GET', target: '/api/support/status', expect: everyone(200) },
	{
		name: 'support SLA',
		method: 'GET',
		target: '/api/support/sla?severity=2',
		expect: everyone(200),
	},
	{
		name: 'POST to a read-only endpoint',
		method: 'POST',
		target: '/api/health',
		form: {},
		expect: everyone(404),
	},

	// Actions, through their RPC endpoints (what a script would call) and the no-JS form flow
	{
		name: 'auth.login RPC, wrong password',
		method: 'POST',
		target: '/_actions/auth.login',
		form: unknownLogin,
		expect: everyone(401),
	},
	{
		name: 'auth.login form, wrong password',
		method: 'POST',
		target: '/login?_action=auth.login',
		form: unknownLogin,
		expect: everyone(401),
	},
	{
		name: 'auth.signUp RPC, invalid input',
		method: 'POST',
		target: '/_actions/auth.signUp',
		form: { email: 'not-an-email', displayName: '', password: 'x' },
		expect: everyone(400),
	},
	{
		name: 'auth.changePassword RPC',
		method: 'POST',
		target: '/_actions/auth.changePassword',
		form: WRONG_CURRENT_PASSWORD,
		expect: signedIn(400, 401),
	},
	{
		name: 'auth.changePassword form',
		method: 'POST',
		target: '/account?_action=auth.changePassword',
		form: WRONG_CURRENT_PASSWORD,
		expect: signedIn(400),
	},
	{
		name: 'auth.logoutEverywhere RPC',
		method: 'POST',
		target: '/_actions/auth.logoutEverywhere',
		form: {},
		expect: { ...everyone(ENDS_EVERY_SESSION), anonymous: 401 },
	},
	{
		name: 'auth.logout RPC',
		method: 'POST',
		target: '/_actions/auth.logout',
		form: {},
		expect: everyone(200),
		freshSession: true,
	},
	{
		name: 'auth.logout form',
		method: 'POST',
		target: '/logout?_action=auth.logout',
		form: {},
		expect: everyone(303),
		freshSession: true,
	},

	// Features: reads
	{ name: 'manuals index', method: 'GET', target: '/manuals', expect: everyone(200) },
	{
		name: 'manual page',
		method: 'GET',
		target: '/manuals/getting-started/installation',
		expect: everyone(200),
	},
	{ name: 'hints list', method: 'GET', target: '/hints', expect: everyone(200) },
	{ name: 'hint', method: 'GET', target: SAMPLE_HINT, expect: everyone(200) },
	{ name: 'hints feed', method: 'GET', target: '/hints/feed.xml', expect: everyone(200) },
	{ name: 'forum index', method: 'GET', target: '/forum', expect: everyone(200) },
	{
		name: 'forum category',
		method: 'GET',
		target: '/forum/c/design-changes',
		expect: everyone(200),
	},
	{ name: 'forum topic', method: 'GET', target: aTopic, expect: everyone(200) },
	{ name: 'new topic form', method: 'GET', target: '/forum/new', expect: signedIn(200) },
	{ name: 'notifications', method: 'GET', target: '/notifications', expect: signedIn(200) },
	{ name: 'ticket form', method: 'GET', target: '/tickets/new', expect: signedIn(200) },
	{ name: 'my tickets', method: 'GET', target: '/tickets', expect: signedIn(200) },
	{
		name: "a customer's ticket",
		method: 'GET',
		target: customerTicket,
		expect: { ...staffOnly(200, 404), customer: 200 },
	},
	{
		name: "a file on a customer's ticket",
		method: 'GET',
		target: customerTicketFile,
		expect: { ...staffOnly(200, 404, 404), customer: 200 },
	},
	{
		name: "a file of an internal note on a customer's ticket",
		method: 'GET',
		target: internalNoteFile,
		expect: staffOnly(200, 404, 404),
	},
	{
		name: 'a file not sent yet',
		method: 'GET',
		target: pendingFile,
		expect: { ...everyone(404), customer: 200 },
	},
	{ name: 'a file on a forum post', method: 'GET', target: forumPostFile, expect: everyone(200) },
	{
		name: 'upload a file (urlencoded: not multipart)',
		method: 'POST',
		target: '/api/attachments',
		form: { attachments: 'x' },
		expect: { ...everyone(400), anonymous: 401 },
	},
	{ name: 'staff desk', method: 'GET', target: '/staff', expect: staffOnly(200) },
	{ name: 'staff queue', method: 'GET', target: '/staff/tickets', expect: staffOnly(200) },
	{
		name: 'staff ticket report',
		method: 'GET',
		target: '/staff/tickets/report',
		expect: staffOnly(200),
	},
	{ name: 'staff mail outbox', method: 'GET', target: '/staff/mail', expect: staffOnly(200) },
	{ name: 'staff hints', method: 'GET', target: '/staff/hints', expect: staffOnly(200) },
	{ name: 'staff new hint', method: 'GET', target: '/staff/hints/new', expect: staffOnly(200) },
	{
		name: 'staff manual feedback',
		method: 'GET',
		target: '/staff/manuals',
		expect: staffOnly(200),
	},
	{ name: 'staff forum log', method: 'GET', target: '/staff/forum/log', expect: staffOnly(200) },
	{
		name: 'staff forum categories',
		method: 'GET',
		target: '/staff/forum/categories',
		expect: staffOnly(200),
	},
	{
		name: 'staff search dashboard',
		method: 'GET',
		target: '/staff/search',
		expect: staffOnly(200),
	},
	{ name: 'search page', method: 'GET', target: '/search?q=markup', expect: everyone(200) },
	{ name: 'suggest', method: 'GET', target: '/api/suggest?q=markup', expect: everyone(200) },
	{ name: 'sitemap', method: 'GET', target: '/sitemap.xml', expect: everyone(200) },
	{ name: 'robots.txt', method: 'GET', target: '/robots.txt', expect: everyone(200) },

	// Features: writes (RPC endpoints; inputs valid, so only access decides)
	{
		name: 'tickets.note (internal) RPC',
		method: 'POST',
		target: '/_actions/tickets.note',
		form: async () => ({
			number: (await customerTicketNumber()) ?? '0',
			body: 'Internal: checked the logs.',
		}),
		// NOTE: refused by role before the ticket is looked up, so 403 reveals nothing about it.
		expect: staffOnly(200, 403, 401),
	},
	{
		name: 'tickets.reply RPC',
		method: 'POST',
		target: '/_actions/tickets.reply',
		form: async () => ({
			number: (await customerTicketNumber()) ?? '0',
			body: 'Any news on this?',
		}),
		expect: { ...staffOnly(200, 404, 401), customer: 200 },
	},
	{
		name: 'forum.createTopic RPC in a staff-only category',
		method: 'POST',
		target: '/_actions/forum.createTopic',
		form: () => ({
			categorySlug: 'announcements',
			title: `Matrix announcement ${crypto.randomUUID().slice(0, 8)}`,
			body: 'Only staff may start topics here.',
		}),
		expect: { ...staffOnly(200, 403, 401) },
	},
	// Moderation: refused by role before the topic or post is looked up. Staff's changes are no-ops
	// (pin twice, move to the same category, show a visible post), so every run sees the same.
	{
		name: 'forum.moderate RPC',
		method: 'POST',
		target: '/_actions/forum.moderate',
		form: async () => ({ topicId: (await aTopicId()) ?? '', action: 'pin' }),
		expect: staffOnly(200, 403, 401),
	},
	{
		name: 'forum.move RPC',
		method: 'POST',
		target: '/_actions/forum.move',
		form: async () => ({ topicId: (await aTopicId()) ?? '', categorySlug: 'design-changes' }),
		expect: staffOnly(200, 403, 401),
	},
	{
		name: 'forum.hidePost RPC',
		method: 'POST',
		target: '/_actions/forum.hidePost',
		form: async () => ({ postId: (await aTopicFirstPostId()) ?? '', hidden: 'false' }),
		expect: staffOnly(200, 403, 401),
	},
	{
		name: "forum.editPost RPC on another person's post",
		method: 'POST',
		target: '/_actions/forum.editPost',
		// The body is unchanged, so its author's edit (staff) changes nothing.
		form: async () => ({
			postId: (await aTopicFirstPostId()) ?? '',
			body: 'We want the **Add to cart** button above the gallery on mobile.\n\n```css\n.buy { order: -1; }\n```',
		}),
		expect: { ...staffOnly(200, 403, 401), admin: 403 },
	},
	// Ticket workflow: refused by role before the ticket is looked up (403 reveals nothing).
	{
		name: 'tickets.assign RPC',
		method: 'POST',
		target: '/_actions/tickets.assign',
		// An unknown assignee: only staff get as far as that check (400).
		form: async () => ({
			number: (await customerTicketNumber()) ?? '0',
			assigneeId: '00000000-0000-4000-8000-000000000000',
		}),
		expect: staffOnly(400, 403, 401),
	},
	{
		name: 'tickets.setStatus RPC',
		method: 'POST',
		target: '/_actions/tickets.setStatus',
		form: async () => ({ number: (await customerTicketNumber()) ?? '0', status: 'waiting' }),
		expect: staffOnly({ skip: 'changes the shared ticket; tickets.spec covers staff' }, 403, 401),
	},
	{
		name: 'tickets.merge RPC',
		method: 'POST',
		target: '/_actions/tickets.merge',
		form: async () => ({ number: (await customerTicketNumber()) ?? '0', into: '1' }),
		expect: staffOnly({ skip: 'closes the shared ticket; tickets.spec covers staff' }, 403, 401),
	},
	// Hints: staff only; drafts, so the public lists and the index stay as they are.
	{
		name: 'hints.create RPC',
		method: 'POST',
		target: '/_actions/hints.create',
		form: () => ({
			title: `Matrix draft hint ${crypto.randomUUID().slice(0, 8)}`,
			body: 'A draft written by the access matrix.',
			state: 'draft',
		}),
		expect: staffOnly(200, 403, 401),
	},
	{
		name: 'hints.update RPC (no such hint)',
		method: 'POST',
		target: '/_actions/hints.update',
		form: {
			id: '00000000-0000-4000-8000-000000000000',
			version: '1',
			title: 'Defaced',
			body: 'Defaced text here.',
			state: 'published',
		},
		// NOTE: refused by role first: only staff learn that the hint does not exist.
		expect: staffOnly(404, 403, 401),
	},
];
