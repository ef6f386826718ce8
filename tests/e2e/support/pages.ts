// The ONE list of pages people open, reused by the header, axe and console checks
// (tests/e2e/headers.spec.ts, a11y.spec.ts). Adding a page is one line.
//
// `pending: '<feature>'` marks a page whose feature is still being built: while the page answers
// 404 its checks are skipped with a message; once it exists they run. Remove `pending` when the
// feature has landed, so a page that disappears fails instead of being skipped.
import { firstLink, type Target } from './targets.ts';
import type { Viewer } from './viewers.ts';

export interface PageCase {
	name: string;
	target: Target;
	/** Who opens it (pages behind a login need a role). */
	viewer: Viewer;
	/** Expected status (default 200). */
	status?: number;
	pending?: string;
}

export const PAGES: PageCase[] = [
	{ name: 'home', target: '/', viewer: 'anonymous' },
	{ name: 'home as staff', target: '/', viewer: 'staff' },
	{ name: 'login', target: '/login', viewer: 'anonymous' },
	{ name: 'sign up', target: '/signup', viewer: 'anonymous' },
	{ name: 'support', target: '/support', viewer: 'anonymous' },
	{ name: 'account', target: '/account', viewer: 'customer' },
	{ name: 'not found', target: '/no/such/page', viewer: 'anonymous', status: 404 },

	{ name: 'manuals', target: '/manuals', viewer: 'anonymous', pending: 'manuals' },
	{ name: 'manual page', target: '/manuals/getting-started/installation', viewer: 'anonymous', pending: 'manuals' },
	{ name: 'hints', target: '/hints', viewer: 'anonymous', pending: 'kb' },
	{ name: 'hint', target: firstLink('/hints', /^\/hints\/[^/?#]+$/), viewer: 'anonymous', pending: 'kb' },
	{ name: 'forum index', target: '/forum', viewer: 'anonymous', pending: 'forum' },
	{ name: 'forum category', target: '/forum/c/design-changes', viewer: 'anonymous', pending: 'forum' },
	{ name: 'forum topic', target: firstLink('/forum', /^\/forum\/t\/[^/?#]+/), viewer: 'anonymous', pending: 'forum' },
	{ name: 'new topic', target: '/forum/new', viewer: 'customer', pending: 'forum' },
	{ name: 'ticket form', target: '/tickets/new', viewer: 'customer', pending: 'tickets' },
	{ name: 'my tickets', target: '/tickets', viewer: 'customer', pending: 'tickets' },
	{ name: 'staff queue', target: '/staff/tickets', viewer: 'staff', pending: 'tickets' },
	{ name: 'search', target: '/search?q=markup', viewer: 'anonymous', pending: 'search' },
	// TODO(tickets): a ticket page as its owner, e.g. { name: 'ticket', target: createdTicket, viewer: 'customer' }
	// TODO(forum): a user profile, e.g. { name: 'profile', target: '/u/alice-customer', viewer: 'anonymous' }
];
