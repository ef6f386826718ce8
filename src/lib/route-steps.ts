/**
 * The next step the ask box offers for each route. Pure and isomorphic: the server renders
 * it (search page, no-JS ask box) and the browser script re-renders it as the person types.
 */
export const ROUTE_NAMES = ['self_service', 'forum', 'ticket', 'urgent', 'chat'] as const;
export type RouteName = (typeof ROUTE_NAMES)[number];

export interface ChatInfo {
	label: string;
	url: string;
	/** "Monday to Friday, 07:00–17:00 MSK". */
	hours: string;
	/** "Open now, closes in 2 h, at 17:00 MSK" or "Closed now, opens Monday 07:00 MSK". */
	status: string;
}

export interface RouteStep {
	route: RouteName;
	/** Heading of the route card. */
	title: string;
	/** Text of the next-step link. */
	action: string;
	href: string;
	/** A line under the action: response times, hours. */
	note: string;
	external: boolean;
}

/** Prefilled subjects and titles are cut to this many characters. */
export const PREFILL_MAX = 150;
export const FORUM_CATEGORY = 'custom-development';

function prefill(q: string): string {
	const flat = q.replace(/\s+/g, ' ').trim();
	return [...flat].length > PREFILL_MAX
		? `${[...flat]
				.slice(0, PREFILL_MAX - 1)
				.join('')
				.trimEnd()}…`
		: flat;
}

export function isRouteName(value: unknown): value is RouteName {
	return typeof value === 'string' && (ROUTE_NAMES as readonly string[]).includes(value);
}

/** Where the ask box is: the home page, the new-ticket form or the new-topic form. */
export type AskContext = 'home' | 'ticket' | 'topic';

/**
 * The route card for `route` and question `q`. On the form the route leads to anyway
 * (a ticket question on the new-ticket form), the card says so instead of linking away.
 */
export function routeStep(
	route: RouteName,
	q: string,
	chat: ChatInfo,
	context: AskContext = 'home',
): RouteStep {
	const step = baseStep(route, q, chat);
	if ((context === 'ticket' && route === 'ticket') || (context === 'topic' && route === 'forum')) {
		return {
			...step,
			action: '',
			href: '',
			note: 'You are in the right place: go on with this form.',
		};
	}
	if (context === 'ticket' && route === 'urgent') {
		return {
			...step,
			note: 'Choose Severity 1 on this form: answered within an hour, day and night.',
		};
	}
	return step;
}

function baseStep(route: RouteName, q: string, chat: ChatInfo): RouteStep {
	const text = prefill(q);
	switch (route) {
		case 'self_service':
			return {
				route,
				title: 'The manuals and hints should answer this',
				action: 'Read the matching articles',
				href: `/search?${new URLSearchParams({ q: text })}`,
				note: 'Start with the suggestions listed here.',
				external: false,
			};
		case 'forum':
			return {
				route,
				title: 'This belongs in the Co-development forum',
				action: 'Ask in the Co-development forum',
				href: `/forum/new?${new URLSearchParams({ category: FORUM_CATEGORY, title: text })}`,
				note: 'Customizations, design changes and extra features are discussed there with developers.',
				external: false,
			};
		case 'ticket':
			return {
				route,
				title: 'This sounds like a problem for technical support',
				action: 'Open a ticket',
				href: `/tickets/new?${new URLSearchParams({ subject: text })}`,
				note: 'Technical support answers in writing; describe what you did and what happened.',
				external: false,
			};
		case 'urgent':
			return {
				route,
				title: 'This sounds urgent: Severity 1',
				action: 'Open an urgent Severity 1 ticket',
				href: `/tickets/new?${new URLSearchParams({ severity: '1', subject: text })}`,
				note: 'Answered within an hour, day and night.',
				external: false,
			};
		case 'chat':
			return {
				route,
				title: 'Customer support can help with this',
				action: `Chat with customer support (${chat.label})`,
				href: chat.url,
				note: `${chat.status}. Hours: ${chat.hours}.`,
				external: true,
			};
	}
}
