/**
 * The manuals collection as the pages need it: ordered pages grouped by section, and each page's
 * body rendered once per process.
 *
 * NOTE: manual pages are server-rendered (so the header knows who is logged in), but the
 * expensive part, Markdown to HTML, happens once per page per process and is cached here, keyed
 * by the entry's content digest (so `astro dev` picks up edits). Bodies go through the portal's
 * one Markdown renderer, so code highlighting and heading anchors match hints and forum posts.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import {
	findSectionByTitle,
	groupManualsBySection,
	manualUrl,
	type ManualSection,
} from '#lib/manual-sections.ts';
import { neighboursOf } from '#lib/manual-nav.ts';
import type { MarkdownHeading } from '#server/markdown/render.ts';
import { renderManualBody } from '#server/manuals/manual-render.ts';

export interface ManualPage {
	id: string;
	url: string;
	title: string;
	description: string;
	section: ManualSection;
	order: number;
	/** Frontmatter `updated`, else the file's last commit (filled at build, see content.config.ts). */
	updated: Date | undefined;
}

export interface ManualCatalog {
	/** Sidebar order. */
	pages: ManualPage[];
	groups: { section: ManualSection; pages: ManualPage[] }[];
	byId: ReadonlyMap<string, ManualPage>;
	ids: ReadonlySet<string>;
}

export interface RenderedManual {
	page: ManualPage;
	html: string;
	headings: MarkdownHeading[];
	prev: ManualPage | undefined;
	next: ManualPage | undefined;
}

type Entry = CollectionEntry<'manuals'>;

function toPage(entry: Entry): ManualPage {
	const section = findSectionByTitle(entry.data.section);
	if (!section) throw new Error(`Manual ${entry.id}: unknown section ${entry.data.section}`);
	return {
		id: entry.id,
		url: manualUrl(entry.id),
		title: entry.data.title,
		description: entry.data.description,
		section,
		order: entry.data.order,
		updated: entry.data.updated,
	};
}

let catalog: { key: string; value: ManualCatalog; entries: Map<string, Entry> } | undefined;

async function load(): Promise<{ value: ManualCatalog; entries: Map<string, Entry> }> {
	// The collection is part of the build: in production it never changes, so skip re-reading it.
	if (catalog && !import.meta.env.DEV) return catalog;
	const entries = await getCollection('manuals');
	const key = entries.map((e) => `${e.id}:${e.digest ?? ''}`).join('|');
	if (catalog?.key === key) return catalog;
	const groups = groupManualsBySection(entries).map(({ section, entries: group }) => ({
		section,
		pages: group.map(toPage),
	}));
	const pages = groups.flatMap((g) => g.pages);
	catalog = {
		key,
		value: {
			pages,
			groups,
			byId: new Map(pages.map((p) => [p.id, p])),
			ids: new Set(pages.map((p) => p.id)),
		},
		entries: new Map(entries.map((e) => [e.id, e])),
	};
	return catalog;
}

export async function getManualCatalog(): Promise<ManualCatalog> {
	return (await load()).value;
}

const bodies = new Map<string, { digest: string; html: string; headings: MarkdownHeading[] }>();

/** One manual page with its rendered body and neighbours; `undefined` for unknown ids. */
export async function getRenderedManual(id: string): Promise<RenderedManual | undefined> {
	const { value, entries } = await load();
	const page = value.byId.get(id);
	const entry = entries.get(id);
	if (!page || !entry) return undefined;
	const digest = String(entry.digest ?? '');
	const cached = bodies.get(id);
	let body: { digest: string; html: string; headings: MarkdownHeading[] };
	if (cached && cached.digest === digest) {
		body = cached;
	} else {
		const rendered = renderManualBody(entry.body ?? '');
		body = { digest, html: rendered.html, headings: rendered.headings };
		bodies.set(id, body);
	}
	return { page, html: body.html, headings: body.headings, ...neighboursOf(value.pages, id) };
}
