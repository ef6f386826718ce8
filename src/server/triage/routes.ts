/** Where a question typed into the portal's search box belongs. */
export const ROUTES = ['self_service', 'forum', 'ticket', 'urgent', 'chat'] as const;
export type Route = (typeof ROUTES)[number];

export const LANGS = ['en', 'ru'] as const;
export type Lang = (typeof LANGS)[number];

export function isRoute(value: string): value is Route {
	return (ROUTES as readonly string[]).includes(value);
}
