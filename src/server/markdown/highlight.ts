/**
 * Syntax highlighting for fenced code blocks: highlight.js core with a curated language set, so
 * the server bundle does not carry all ~190 grammars.
 */
import hljsCore from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import ini from 'highlight.js/lib/languages/ini';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import nginx from 'highlight.js/lib/languages/nginx';
import php from 'highlight.js/lib/languages/php';
import python from 'highlight.js/lib/languages/python';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

// A private instance: nothing else in the process can register or reconfigure languages on it.
const hljs = hljsCore.newInstance();
const GRAMMARS = {
	bash,
	css,
	ini,
	javascript,
	json,
	nginx,
	php,
	python,
	sql,
	typescript,
	xml,
	yaml,
};
for (const [name, grammar] of Object.entries(GRAMMARS)) hljs.registerLanguage(name, grammar);

export type HighlightLanguage = keyof typeof GRAMMARS;

// Fence info words people actually type, mapped to the grammar that handles them.
const ALIASES: Record<string, HighlightLanguage> = {
	bash: 'bash',
	sh: 'bash',
	shell: 'bash',
	zsh: 'bash',
	console: 'bash',
	crontab: 'bash',
	cron: 'bash',
	css: 'css',
	ini: 'ini',
	toml: 'ini',
	conf: 'ini',
	cfg: 'ini',
	env: 'ini',
	dotenv: 'ini',
	javascript: 'javascript',
	js: 'javascript',
	mjs: 'javascript',
	cjs: 'javascript',
	jsx: 'javascript',
	json: 'json',
	json5: 'json',
	nginx: 'nginx',
	nginxconf: 'nginx',
	php: 'php',
	python: 'python',
	py: 'python',
	sql: 'sql',
	mysql: 'sql',
	pgsql: 'sql',
	postgresql: 'sql',
	typescript: 'typescript',
	ts: 'typescript',
	tsx: 'typescript',
	xml: 'xml',
	html: 'xml',
	xhtml: 'xml',
	svg: 'xml',
	yaml: 'yaml',
	yml: 'yaml',
};

/** Grammar for a fence info word (case-insensitive), or `undefined` for plain text. */
export function resolveLanguage(word: string): HighlightLanguage | undefined {
	const key = word.toLowerCase();
	return Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
}

// highlight.js 11 emits sub-scope classes without the prefix (`hljs-title function_`) and
// `language-xml` for embedded languages; keep only `hljs-*` so our CSS owns every class.
const SPAN_CLASS_RE = /<span class="([^"]*)">/g;

function keepHljsClasses(html: string): string {
	return html.replace(SPAN_CLASS_RE, (_, classes: string) => {
		const kept = classes.split(' ').filter((name) => /^hljs-[a-z0-9_-]+$/.test(name));
		return kept.length > 0 ? `<span class="${kept.join(' ')}">` : '<span>';
	});
}

/**
 * Highlighted HTML for `code` (already escaped by highlight.js; only `<span class="hljs-…">`
 * markup is added).
 */
export function highlightCode(code: string, language: HighlightLanguage): string {
	return keepHljsClasses(hljs.highlight(code, { language, ignoreIllegals: true }).value);
}
