// Parses a whole HTML document the way a browser would (parse5) and lists what a strict
// Content-Security-Policy would block or what could run script: inline <script> and <style>,
// style="" and on*="" attributes, javascript: URLs.
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;
type Element = DefaultTreeAdapterTypes.Element;

const DATA_SCRIPT_TYPES = new Set(['application/json', 'application/ld+json']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);

function isElement(node: Node): node is Element {
	return 'tagName' in node;
}

function* elements(node: Node): Generator<Element> {
	if (isElement(node)) yield node;
	const children =
		'content' in node && node.content
			? node.content.childNodes
			: 'childNodes' in node
				? node.childNodes
				: [];
	for (const child of children) yield* elements(child);
}

function describe(element: Element): string {
	const attributes = element.attrs.map((a) => `${a.name}="${a.value.slice(0, 40)}"`).join(' ');
	return `<${element.tagName}${attributes ? ` ${attributes}` : ''}>`;
}

/** Inline code in `html` that our CSP forbids or that could execute; `[]` when clean. */
export function inlineCodeFindings(html: string): string[] {
	const findings: string[] = [];
	for (const element of elements(parse(html))) {
		const attr = (name: string) => element.attrs.find((a) => a.name === name)?.value;
		if (
			element.tagName === 'script' &&
			attr('src') === undefined &&
			!DATA_SCRIPT_TYPES.has(attr('type') ?? '')
		) {
			findings.push(`inline script ${describe(element)}`);
		}
		if (element.tagName === 'style') findings.push(`inline stylesheet ${describe(element)}`);
		for (const { name, value } of element.attrs) {
			if (name === 'style') findings.push(`style attribute on ${describe(element)}`);
			if (/^on/i.test(name)) findings.push(`event handler ${name} on ${describe(element)}`);
			if (URL_ATTRIBUTES.has(name) && /^\s*javascript:/i.test(value))
				findings.push(`javascript: URL on ${describe(element)}`);
		}
	}
	return findings;
}

/** Elements named `tagName` anywhere in the document (e.g. a marker tag a fuzz test injected). */
export function findElements(html: string, tagName: string): string[] {
	return [...elements(parse(html))].filter((e) => e.tagName === tagName).map(describe);
}

/** The head tags every page should carry for search engines and link previews. */
export function headTags(html: string): {
	title: string;
	description?: string;
	canonical?: string;
	ogTitle?: string;
	ogUrl?: string;
	robots?: string;
} {
	const all = [...elements(parse(html))];
	const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
	const meta = (key: 'name' | 'property', value: string) =>
		all.find((e) => e.tagName === 'meta' && attr(e, key) === value);
	const title = all.find((e) => e.tagName === 'title');
	const text = title?.childNodes.map((n) => ('value' in n ? n.value : '')).join('') ?? '';
	const description = meta('name', 'description');
	const canonical = all.find((e) => e.tagName === 'link' && attr(e, 'rel') === 'canonical');
	const ogTitle = meta('property', 'og:title');
	const ogUrl = meta('property', 'og:url');
	const robots = meta('name', 'robots');
	return {
		title: text.trim(),
		description: description && attr(description, 'content'),
		canonical: canonical && attr(canonical, 'href'),
		ogTitle: ogTitle && attr(ogTitle, 'content'),
		ogUrl: ogUrl && attr(ogUrl, 'content'),
		robots: robots && attr(robots, 'content'),
	};
}
