// Every input surface the fuzz test (tests/e2e/fuzz.spec.ts) throws generated values at: query
// strings of pages and JSON endpoints, and form bodies of actions. Adding a surface is one line.
//
// Write surfaces (forum posts, tickets, hints) need two more things, so that generated values get
// past validation into the write path and the page showing the result: `valid` values some fields
// mostly take (a category that exists), and `write`, a per-run setup from support/write-surfaces.ts
// (who writes where, fixed fields such as the ticket replied to, undoing each accepted write so
// no other spec sees it). An accepted write's redirect is followed and that page checked too.
import type { Viewer } from './viewers.ts';
import {
	FUZZ_FORUM_CATEGORIES,
	forumReplies,
	forumTopics,
	newHints,
	newTickets,
	ticketReplies,
	type WriteSurface,
} from './write-surfaces.ts';

export interface InputSurface {
	name: string;
	method: 'GET' | 'POST';
	/** For POST, the action URL (page `?_action=` form flow or `/_actions/<name>` RPC). */
	path: string;
	/** Query parameters (GET) or form fields (POST) to fill with generated values. */
	fields: string[];
	viewer?: Viewer;
	/** Values a field takes most of the time instead of a generated one, so writes get through
	 * (on write surfaces, fields are also left out less often). */
	valid?: Record<string, readonly string[]>;
	/** A write surface: `viewer` and `path` come from each run's setup instead. */
	write?: () => WriteSurface;
}

// Long enough for the hint editor's 10-character minimum, which generated values rarely reach.
const HOSTILE_MARKDOWN = [
	'<script>alert(1)</script> **bold**',
	'[link](javascript:alert(1)) <fuzzmark>',
	'![x](x" onerror="alert(1)) <img src=x onerror=alert(1)>',
	'`</textarea><fuzzmark>` and <style>*{}</style>',
];
const HOSTILE_SITE_URLS = [
	'',
	'https://shop.example.com/',
	'https://shop.example/?q="><fuzzmark>',
	"http://x.example/'onmouseover='alert(1)",
];

export const INPUT_SURFACES: InputSurface[] = [
	{ name: 'home', method: 'GET', path: '/', fields: ['q'] },
	{ name: 'login page', method: 'GET', path: '/login', fields: ['next', 'ended', 'password'] },
	{ name: 'sign-up page', method: 'GET', path: '/signup', fields: ['next'] },
	{ name: 'support page', method: 'GET', path: '/support', fields: ['at', 'department'] },
	{ name: 'not-found page', method: 'GET', path: '/no/such/page', fields: ['q'] },
	{ name: 'health', method: 'GET', path: '/api/health', fields: ['verbose'] },
	{ name: 'support status', method: 'GET', path: '/api/support/status', fields: ['at'] },
	{ name: 'support SLA', method: 'GET', path: '/api/support/sla', fields: ['severity', 'at'] },
	{
		name: 'login form',
		method: 'POST',
		path: '/login?_action=auth.login',
		fields: ['email', 'password', 'next'],
	},
	{
		name: 'login RPC',
		method: 'POST',
		path: '/_actions/auth.login',
		fields: ['email', 'password', 'next'],
	},
	{
		name: 'sign-up form',
		method: 'POST',
		path: '/signup?_action=auth.signUp',
		fields: ['email', 'displayName', 'password', 'next'],
	},
	// NOTE: generated values never equal the fixture password, so no password is ever changed.
	{
		name: 'change-password form',
		method: 'POST',
		path: '/account?_action=auth.changePassword',
		fields: ['currentPassword', 'newPassword', 'confirmPassword'],
		viewer: 'otherCustomer',
	},

	{ name: 'search page', method: 'GET', path: '/search', fields: ['q', 'page', 'kind', 'section'] },
	{ name: 'suggest', method: 'GET', path: '/api/suggest', fields: ['q'] },
	{ name: 'hints list', method: 'GET', path: '/hints', fields: ['tag', 'page'] },
	{ name: 'manuals index', method: 'GET', path: '/manuals', fields: ['section'] },
	{ name: 'forum index', method: 'GET', path: '/forum', fields: ['page', 'sort'] },
	{ name: 'forum category', method: 'GET', path: '/forum/c/design-changes', fields: ['page'] },
	{
		name: 'new topic form',
		method: 'GET',
		path: '/forum/new',
		fields: ['category', 'title'],
		viewer: 'customer',
	},
	// Renders the generated Markdown into the page without saving it: the rendered page must stay inert.
	{
		name: 'topic preview',
		method: 'POST',
		path: '/forum/new?_action=forum.preview',
		fields: ['body', 'title', 'categorySlug'],
		viewer: 'developer',
	},
	{
		name: 'ticket form',
		method: 'GET',
		path: '/tickets/new',
		fields: ['subject', 'category', 'severity'],
		viewer: 'customer',
	},
	{
		name: 'my tickets',
		method: 'GET',
		path: '/tickets',
		fields: ['status', 'page'],
		viewer: 'customer',
	},
	{
		name: 'staff queue filters',
		method: 'GET',
		path: '/staff/tickets',
		fields: ['status', 'severity', 'assignee', 'q', 'page', 'sort'],
		viewer: 'staff',
	},
	{
		name: 'similar tickets',
		method: 'GET',
		path: '/api/tickets/similar',
		fields: ['q', 'subject'],
		viewer: 'customer',
	},
	{
		name: 'similar topics',
		method: 'GET',
		path: '/api/forum/similar',
		fields: ['q', 'title'],
		viewer: 'customer',
	},
	{
		name: 'create topic',
		method: 'POST',
		path: '/forum/new?_action=forum.createTopic',
		fields: ['categorySlug', 'title', 'body'],
		valid: { categorySlug: FUZZ_FORUM_CATEGORIES },
		write: forumTopics,
	},
	{
		name: 'topic reply',
		method: 'POST',
		path: '/forum/t/…?_action=forum.reply',
		fields: ['body'],
		write: forumReplies,
	},
	{
		name: 'new ticket',
		method: 'POST',
		path: '/tickets/new?_action=tickets.create',
		fields: ['subject', 'description', 'severity', 'category', 'siteUrl'],
		valid: {
			severity: ['1', '2', '3', '4'],
			category: ['installation', 'api-key', 'other'],
			siteUrl: HOSTILE_SITE_URLS,
		},
		write: newTickets,
	},
	{
		name: 'ticket reply',
		method: 'POST',
		path: '/tickets/…?_action=tickets.reply',
		fields: ['body'],
		write: ticketReplies,
	},
	{
		name: 'new hint',
		method: 'POST',
		path: '/staff/hints/new?_action=hints.create',
		fields: ['title', 'slug', 'body', 'tags', 'relatedManuals', 'state', 'publishedAt'],
		valid: {
			body: HOSTILE_MARKDOWN,
			slug: [''],
			tags: ['', 'fuzz', '<fuzzmark> "x"'],
			relatedManuals: ['', 'getting-started/installation'],
			state: ['draft', 'published', 'archived'],
			publishedAt: ['2026-11-26T10:30', '2020-01-01T00:00:00Z', '2999-01-01T00:00'],
		},
		write: newHints,
	},
];
