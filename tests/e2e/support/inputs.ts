// Every input surface the fuzz test (tests/e2e/fuzz.spec.ts) throws generated values at: query
// strings of pages and JSON endpoints, and form bodies of actions. Adding a surface is one line.
import type { Viewer } from './viewers.ts';

export interface InputSurface {
	name: string;
	method: 'GET' | 'POST';
	/** For POST, the action URL (page `?_action=` form flow or `/_actions/<name>` RPC). */
	path: string;
	/** Query parameters (GET) or form fields (POST) to fill with generated values. */
	fields: string[];
	viewer?: Viewer;
}

export const INPUT_SURFACES: InputSurface[] = [
	{ name: 'home', method: 'GET', path: '/', fields: ['q'] },
	{ name: 'login page', method: 'GET', path: '/login', fields: ['next', 'ended', 'password'] },
	{ name: 'sign-up page', method: 'GET', path: '/signup', fields: ['next'] },
	{ name: 'support page', method: 'GET', path: '/support', fields: ['at', 'department'] },
	{ name: 'not-found page', method: 'GET', path: '/no/such/page', fields: ['q'] },
	{ name: 'health', method: 'GET', path: '/api/health', fields: ['verbose'] },
	{ name: 'support status', method: 'GET', path: '/api/support/status', fields: ['at'] },
	{ name: 'support SLA', method: 'GET', path: '/api/support/sla', fields: ['severity', 'at'] },
	{ name: 'login form', method: 'POST', path: '/login?_action=auth.login', fields: ['email', 'password', 'next'] },
	{ name: 'login RPC', method: 'POST', path: '/_actions/auth.login', fields: ['email', 'password', 'next'] },
	{ name: 'sign-up form', method: 'POST', path: '/signup?_action=auth.signUp', fields: ['email', 'displayName', 'password', 'next'] },
	// NOTE: generated values never equal the fixture password, so no password is ever changed.
	{ name: 'change-password form', method: 'POST', path: '/account?_action=auth.changePassword', fields: ['currentPassword', 'newPassword', 'confirmPassword'], viewer: 'otherCustomer' },

	{ name: 'search page', method: 'GET', path: '/search', fields: ['q', 'page', 'kind', 'section'] },
	{ name: 'suggest', method: 'GET', path: '/api/suggest', fields: ['q'] },
	{ name: 'hints list', method: 'GET', path: '/hints', fields: ['tag', 'page'] },
	{ name: 'manuals index', method: 'GET', path: '/manuals', fields: ['section'] },
	{ name: 'forum index', method: 'GET', path: '/forum', fields: ['page', 'sort'] },
	{ name: 'forum category', method: 'GET', path: '/forum/c/design-changes', fields: ['page'] },
	{ name: 'new topic form', method: 'GET', path: '/forum/new', fields: ['category', 'title'], viewer: 'customer' },
	// Renders the generated Markdown into the page without saving it: the rendered page must stay inert.
	{ name: 'topic preview', method: 'POST', path: '/forum/new?_action=forum.preview', fields: ['body', 'title', 'categorySlug'], viewer: 'developer' },
	{ name: 'ticket form', method: 'GET', path: '/tickets/new', fields: ['subject', 'category', 'severity'], viewer: 'customer' },
	{ name: 'my tickets', method: 'GET', path: '/tickets', fields: ['status', 'page'], viewer: 'customer' },
	{ name: 'staff queue filters', method: 'GET', path: '/staff/tickets', fields: ['status', 'severity', 'assignee', 'q', 'page', 'sort'], viewer: 'staff' },
	{ name: 'similar tickets', method: 'GET', path: '/api/tickets/similar', fields: ['q', 'subject'], viewer: 'customer' },
	{ name: 'similar topics', method: 'GET', path: '/api/forum/similar', fields: ['q', 'title'], viewer: 'customer' },
	// TODO(forum): create-topic and reply with generated bodies (posting limits: use staff, or a fresh account per run).
	// TODO(tickets): the ticket form action with generated fields (creates tickets: a fresh customer per run).
	// TODO(kb): the hint editor action as staff.
];
