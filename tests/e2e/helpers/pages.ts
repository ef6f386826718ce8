// The ONE list of pages people open, reused by the header, axe and console checks
// (tests/e2e/headers.spec.ts, a11y.spec.ts). Adding a page is one line; a page that disappears
// fails its checks.
import { aTopic, customerTicket, SAMPLE_HINT } from './sample-data.ts';
import { firstLink, type Target } from './targets.ts';
import type { Viewer } from './viewers.ts';

export interface PageCase {
	name: string;
	target: Target;
	/** Who opens it (pages behind a login need a role). */
	viewer: Viewer;
	/** Expected status (default 200). */
	status?: number;
}

export const PAGES: PageCase[] = [
	{ name: 'home', target: '/', viewer: 'anonymous' },
	{ name: 'home as staff', target: '/', viewer: 'staff' },
	{ name: 'login', target: '/login', viewer: 'anonymous' },
	{ name: 'sign up', target: '/signup', viewer: 'anonymous' },
	{ name: 'support', target: '/support', viewer: 'anonymous' },
	{ name: 'account', target: '/account', viewer: 'customer' },
	{ name: 'not found', target: '/no/such/page', viewer: 'anonymous', status: 404 },

	{ name: 'manuals', target: '/manuals', viewer: 'anonymous' },
	{ name: 'manual page', target: '/manuals/getting-started/installation', viewer: 'anonymous' },
	{ name: 'hints', target: '/hints', viewer: 'anonymous' },
	{ name: 'hint', target: SAMPLE_HINT, viewer: 'anonymous' },
	{ name: 'forum index', target: '/forum', viewer: 'anonymous' },
	{ name: 'forum category', target: '/forum/c/design-changes', viewer: 'anonymous' },
	{ name: 'forum topic', target: aTopic, viewer: 'anonymous' },
	{ name: 'new topic', target: '/forum/new', viewer: 'customer' },
	{ name: 'ticket form', target: '/tickets/new', viewer: 'customer' },
	{ name: 'my tickets', target: '/tickets', viewer: 'customer' },
	{ name: 'staff queue', target: '/staff/tickets', viewer: 'staff' },
	{ name: 'search', target: '/search?q=markup', viewer: 'anonymous' },
	{ name: 'ticket', target: customerTicket, viewer: 'customer' },
	{ name: 'ticket as staff', target: customerTicket, viewer: 'staff' },
	{ name: 'notifications', target: '/notifications', viewer: 'customer' },
	{
		name: 'profile',
		target: firstLink('/account', /^\/u\/[^/?#]+$/, 'customer'),
		viewer: 'anonymous',
	},
	{ name: 'staff hints', target: '/staff/hints', viewer: 'staff' },
	{ name: 'staff ticket report', target: '/staff/tickets/report', viewer: 'staff' },
];
