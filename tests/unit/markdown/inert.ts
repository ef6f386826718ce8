/**
 * Test helper: parses rendered HTML the way a browser would (parse5) and lists everything that
 * could run script, load something it should not, or escape the renderer's markup vocabulary.
 */
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

type ChildNode = DefaultTreeAdapterTypes.ChildNode;

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;
const ALLOWED_ATTRIBUTES: Record<string, readonly string[]> = {
	a: ['href', 'rel', 'class', 'title', 'aria-label'],
	img: ['src', 'alt', 'title', 'loading', 'referrerpolicy'],
	pre: ['class'],
	code: ['class'],
	span: ['class'],
	th: ['class'],
	td: ['class'],
	ol: ['start'],
	...Object.fromEntries(HEADINGS.map((tag) => [tag, ['id']])),
	...Object.fromEntries(
		[
			'p',
			'em',
			'strong',
			's',
			'blockquote',
			'ul',
			'li',
			'hr',
			'br',
			'table',
			'thead',
			'tbody',
			'tr',
		].map((tag) => [tag, []]),
	),
};
const ALLOWED_CLASS_RE =
	/^(?:hljs(?:-[a-z0-9_-]+)?|language-[a-z]+|code-block|heading-anchor|mention|md-align-(?:left|right|center))$/;
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const DATA_IMAGE_RE = /^data:image\/(?:png|gif|jpeg|webp);base64,/i;
// Parse errors about odd characters in text are harmless; anything else means broken markup.
const HARMLESS_PARSE_ERRORS = new Set([
	'control-character-in-input-stream',
	'noncharacter-in-input-stream',
	'surrogate-in-input-stream',
]);

/** Protocol a browser would resolve `url` to, from a page on https://portal.test/. */
function browserProtocol(url: string): string | undefined {
	return URL.parse(url, 'https://portal.test/forum/topic')?.protocol;
}

function checkUrl(tag: string, name: string, value: string): string | undefined {
	if (tag === 'a' && name === 'href' && !LINK_PROTOCOLS.has(browserProtocol(value) ?? '')) {
		return `<a href="${value}">`;
	}
	if (tag === 'img' && name === 'src') {
		const protocol = browserProtocol(value);
		const ok =
			protocol === 'http:' ||
			protocol === 'https:' ||
			(protocol === 'data:' && DATA_IMAGE_RE.test(value));
		if (!ok) return `<img src="${value}">`;
	}
	return undefined;
}

function checkElement(
	node: DefaultTreeAdapterTypes.Element,
	idPrefix: string,
	problems: string[],
): void {
	const tag = node.tagName;
	const allowed = ALLOWED_ATTRIBUTES[tag];
	if (!allowed || node.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
		problems.push(`element <${tag}>`);
		return;
	}
	for (const { name, value } of node.attrs) {
		if (!allowed.includes(name)) problems.push(`attribute ${name} on <${tag}>`);
		const badUrl = checkUrl(tag, name, value);
		if (badUrl) problems.push(`url ${badUrl}`);
		if (name === 'id' && !value.startsWith(idPrefix)) problems.push(`id "${value}" without prefix`);
		if (name === 'class') {
			for (const cls of value.split(/\s+/).filter(Boolean)) {
				if (!ALLOWED_CLASS_RE.test(cls)) problems.push(`class "${cls}" on <${tag}>`);
			}
		}
		if (name === 'rel' && value !== 'nofollow ugc noopener') problems.push(`rel "${value}"`);
	}
}

function walk(nodes: readonly ChildNode[], idPrefix: string, problems: string[]): void {
	for (const node of nodes) {
		if (node.nodeName === '#comment') problems.push('comment');
		if (!('tagName' in node)) continue;
		checkElement(node, idPrefix, problems);
		walk(node.childNodes, idPrefix, problems);
	}
}

/**
 * Everything in `html` that is not inert, as readable strings; `[]` when the output only uses
 * the renderer's own elements, attributes, classes and safe URLs.
 */
export function findHazards(html: string, idPrefix = 'md-'): string[] {
	const problems: string[] = [];
	const fragment = parseFragment(html, {
		onParseError: (error) => {
			if (!HARMLESS_PARSE_ERRORS.has(error.code)) problems.push(`parse error ${error.code}`);
		},
	});
	walk(fragment.childNodes, idPrefix, problems);
	return problems;
}

/** All elements of one tag name, as `{ attribute: value }` maps, in document order. */
export function elements(html: string, tag: string): Record<string, string>[] {
	const found: Record<string, string>[] = [];
	const visit = (nodes: readonly ChildNode[]): void => {
		for (const node of nodes) {
			if (!('tagName' in node)) continue;
			if (node.tagName === tag)
				found.push(Object.fromEntries(node.attrs.map((a) => [a.name, a.value])));
			visit(node.childNodes);
		}
	};
	visit(parseFragment(html).childNodes);
	return found;
}

/**
 * Text content of rendered HTML (entities decoded), for asserting what readers see. The newlines
 * markdown-it puts between top-level blocks are left out.
 */
export function textOf(html: string): string {
	let text = '';
	const visit = (nodes: readonly ChildNode[], topLevel: boolean): void => {
		for (const node of nodes) {
			if (node.nodeName === '#text' && 'value' in node && !(topLevel && !node.value.trim())) {
				text += node.value;
			}
			if ('childNodes' in node) visit(node.childNodes, false);
		}
	};
	visit(parseFragment(html).childNodes, true);
	return text;
}
