/**
 * Navigation around one manual page: previous/next across the whole ordered manual, and the
 * breadcrumb trail. Pure, so it is unit-tested without Astro.
 */

export interface NavPage {
	id: string;
	title: string;
	url: string;
}

export interface Neighbours<T> {
	prev: T | undefined;
	next: T | undefined;
}

/** The pages before and after `id` in `ordered` (the sidebar order). */
export function neighboursOf<T extends { id: string }>(
	ordered: readonly T[],
	id: string,
): Neighbours<T> {
	const index = ordered.findIndex((p) => p.id === id);
	if (index === -1) return { prev: undefined, next: undefined };
	return { prev: ordered[index - 1], next: ordered[index + 1] };
}

export interface Crumb {
	label: string;
	/** Absent on the last crumb (the current page). */
	href?: string;
}

/** Manuals › Section › Page. */
export function manualBreadcrumbs(
	section: { title: string; slug: string },
	page: { title: string },
): Crumb[] {
	return [
		{ label: 'Manuals', href: '/manuals' },
		{ label: section.title, href: `/manuals#${section.slug}` },
		{ label: page.title },
	];
}
