// The ONE list of pages people open, reused by the header, axe and console checks
// (tests/e2e/headers.spec.ts, a11y.spec.ts). Adding a page is one line.
//
// `pending: '<feature>'` marks a page whose feature is still being built: while the page answers
// 404 its checks are skipped with a message; once it exists they run. Remove `pending` when the
// feature has landed, so a page that disappears fails instead of being skipped.
import { aTopic, customerTicket } from './sample-data.ts';
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
	{ name: 'hint', target: firstLink('/hints', /^\/hints\/[a-z0-9-]+$/), viewer: 'anonymous', pending: 'kb' },
	{ name: 'forum index', target: '/forum', viewer: 'anonymous', pending: 'forum' },
	{ name: 'forum category', target: '/forum/c/design-changes', viewer: 'anonymous', pending: 'forum' },
	{ name: 'forum topic', target: aTopic, viewer: 'anonymous', pending: 'forum' },
	{ name: 'new topic', target: '/forum/new', viewer: 'customer', pending: 'forum' },
	{ name: 'ticket form', target: '/tickets/new', viewer: 'customer', pending: 'tickets' },
	{ name: 'my tickets', target: '/tickets', viewer: 'customer', pending: 'tickets' },
	{ name: 'staff queue', target: '/staff/tickets', viewer: 'staff', pending: 'tickets' },
	{ name: 'search', target: '/search?q=markup', viewer: 'anonymous', pending: 'search' },
	{ name: 'ticket', target: customerTicket, viewer: 'customer', pending: 'tickets' },
	{ name: 'ticket as staff', target: customerTicket, viewer: 'staff', pending: 'tickets' },
	{ name: 'notifications', target: '/notifications', viewer: 'customer', pending: 'forum' },
	{ name: 'profile', target: firstLink('/account', /^\/u\/[^/?#]+$/, 'customer'), viewer: 'anonymous', pending: 'forum' },
	{ name: 'staff hints', target: '/staff/hints', viewer: 'staff', pending: 'kb' },
	{ name: 'staff ticket report', target: '/staff/tickets/report', viewer: 'staff', pending: 'tickets' },
];
