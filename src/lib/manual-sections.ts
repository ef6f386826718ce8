/**
 * Sections of the Manuals, in the order the sidebar and the index page show them.
 * `slug` is the folder under content/manuals/ (and the first segment of an entry id);
 * `title` is what a page's frontmatter `section` must say.
 */
export const MANUAL_SECTIONS = [
	{ slug: 'getting-started', title: 'Getting started' },
	{ slug: 'api-key', title: 'API key' },
	{ slug: 'admin-panel', title: 'Admin panel' },
	{ slug: 'troubleshooting', title: 'Troubleshooting' },
	{ slug: 'support', title: 'Support' },
] as const;

export type ManualSection = (typeof MANUAL_SECTIONS)[number];
export type ManualSectionSlug = ManualSection['slug'];
export type ManualSectionTitle = ManualSection['title'];

/** Section titles in order; a non-empty tuple so it can feed `z.enum()`. */
export const MANUAL_SECTION_TITLES = MANUAL_SECTIONS.map((s) => s.title) as [
	ManualSectionTitle,
	...ManualSectionTitle[],
];

export function findSectionBySlug(slug: string): ManualSection | undefined {
	return MANUAL_SECTIONS.find((s) => s.slug === slug);
}

export function findSectionByTitle(title: string): ManualSection | undefined {
	return MANUAL_SECTIONS.find((s) => s.title === title);
}

/** Position of a section title in MANUAL_SECTIONS; unknown titles sort last. */
export function sectionRank(title: string): number {
	const index = MANUAL_SECTIONS.findIndex((s) => s.title === title);
	return index === -1 ? MANUAL_SECTIONS.length : index;
}

/** Folder part of a collection entry id: `admin-panel/currencies` → `admin-panel`. */
export function sectionSlugOfId(id: string): string {
	const slash = id.indexOf('/');
	return slash === -1 ? '' : id.slice(0, slash);
}

/** Site URL of a manual page from its collection entry id. */
export function manualUrl(id: string): string {
	return `/manuals/${id}`;
}

interface SortableManual {
	id: string;
	data: { section: string; order: number; title: string };
}

/** Sidebar order: section rank, then `order`, then title, then id (stable for ties). */
export function compareManuals(a: SortableManual, b: SortableManual): number {
	return (
		sectionRank(a.data.section) - sectionRank(b.data.section) ||
		a.data.order - b.data.order ||
		a.data.title.localeCompare(b.data.title, 'en') ||
		a.id.localeCompare(b.id, 'en')
	);
}

/** Manuals grouped by section in MANUAL_SECTIONS order, each group sorted; empty sections omitted. */
export function groupManualsBySection<T extends SortableManual>(
	entries: readonly T[],
): { section: ManualSection; entries: T[] }[] {
	const sorted = [...entries].sort(compareManuals);
	return MANUAL_SECTIONS.map((section) => ({
		section,
		entries: sorted.filter((e) => e.data.section === section.title),
	})).filter((group) => group.entries.length > 0);
}
