/**
 * The Atom feed of public hints (RFC 4287). Pure: the caller passes hints, their rendered HTML
 * and the site's origin.
 */
import { escapeXml } from '#lib/text.ts';

export interface FeedEntry {
	id: string;
	slug: string;
	title: string;
	/** Rendered, safe HTML of the body (carried escaped inside `<content type="html">`). */
	html: string;
	tags: string[];
	authorName: string | null;
	publishedAt: Date;
	updatedAt: Date;
}

export interface FeedOptions {
	/** `https://support.example.com` (no trailing slash needed). */
	origin: string;
	entries: FeedEntry[];
	/** Used when there are no entries. */
	generatedAt: Date;
}

function absolute(origin: string, pathname: string): string {
	return new URL(pathname, origin).href;
}

function entryXml(origin: string, entry: FeedEntry): string {
	const url = absolute(origin, `/hints/${entry.slug}`);
	const categories = entry.tags
		.map((tag) => `\t\t<category term="${escapeXml(tag)}" />`)
		.join('\n');
	return [
		'\t<entry>',
		`\t\t<id>urn:uuid:${escapeXml(entry.id)}</id>`,
		`\t\t<title type="text">${escapeXml(entry.title)}</title>`,
		`\t\t<link rel="alternate" type="text/html" href="${escapeXml(url)}" />`,
		`\t\t<published>${entry.publishedAt.toISOString()}</published>`,
		`\t\t<updated>${entry.updatedAt.toISOString()}</updated>`,
		`\t\t<author><name>${escapeXml(entry.authorName ?? 'OT Support team')}</name></author>`,
		...(categories ? [categories] : []),
		`\t\t<content type="html" xml:base="${escapeXml(url)}">${escapeXml(entry.html)}</content>`,
		'\t</entry>',
	].join('\n');
}

/** The whole feed document. */
export function buildHintsFeed({ origin, entries, generatedAt }: FeedOptions): string {
	const updated = entries.reduce(
		(latest, e) => (e.updatedAt > latest ? e.updatedAt : latest),
		entries.length > 0 ? new Date(0) : generatedAt,
	);
	const self = absolute(origin, '/hints/feed.xml');
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
		`\t<id>${escapeXml(absolute(origin, '/hints'))}</id>`,
		'\t<title>OT Support: hints</title>',
		'\t<subtitle>Short how-tos for OpenTrade Commerce storefronts and the OT API Key.</subtitle>',
		`\t<link rel="self" type="application/atom+xml" href="${escapeXml(self)}" />`,
		`\t<link rel="alternate" type="text/html" href="${escapeXml(absolute(origin, '/hints'))}" />`,
		`\t<updated>${updated.toISOString()}</updated>`,
		'\t<author><name>OpenTrade Commerce</name></author>',
		...entries.map((entry) => entryXml(origin, entry)),
		'</feed>',
		'',
	].join('\n');
}
