import { stemWord } from '#server/triage/tokenize.ts';
import { excerpt } from '#lib/text.ts';
import { MARK_CLOSE, MARK_OPEN } from './text.ts';

/** A query word as the snippet maker looks for it. */
export interface SnippetTerm {
	word: string;
	stem: string;
	prefix: boolean;
}

export function snippetTerm(word: string, prefix: boolean): SnippetTerm {
	return { word, stem: stemWord(word), prefix };
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * Only words starting like a term (its first three letters, or its stem's) can match it: a
 * pattern that finds just those words, so the rest of a long text costs no per-word work.
 */
function candidatePattern(terms: readonly SnippetTerm[]): RegExp {
	const starts = new Set(
		terms
			.flatMap((t) => [t.word.slice(0, 3), t.stem.slice(0, 3)])
			.filter((start) => start.length > 0),
	);
	if (starts.size === 0) return TOKEN;
	const key = [...starts].join('\u0000');
	let pattern = patterns.get(key);
	if (!pattern) {
		const alternatives = [...starts].map((start) =>
			[...start].map((c) => (c === 'е' ? '[её]' : RegExp.escape(c))).join(''),
		);
		pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})[\\p{L}\\p{N}]*`, 'giu');
		if (patterns.size >= 500) patterns.clear();
		patterns.set(key, pattern);
	}
	return pattern;
}

/** Compiled patterns by term starts (a search makes five snippets with the same terms). */
const patterns = new Map<string, RegExp>();

const LEAD_CHARS = 40;

function matches(token: string, term: SnippetTerm): boolean {
	if (token === term.word || (term.prefix && token.startsWith(term.word))) return true;
	if (term.stem.length < 3 || !token.startsWith(term.stem.slice(0, 3))) return false;
	return stemWord(token) === term.stem;
}

/**
 * A window of about `maxChars` of `text` around the densest run of query words, with each
 * matching word between MARK_OPEN and MARK_CLOSE (turned into safe HTML by markedTextToHtml).
 * Words match by equality, by prefix for the word being typed, or by stem (English, Russian).
 * Without any match: the start of the text.
 */
export function makeSnippet(text: string, terms: readonly SnippetTerm[], maxChars = 220): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	const hits: { start: number; end: number; term: number }[] = [];
	// NOTE: words repeat a lot in a text; stemming each occurrence was most of a search's CPU time.
	const seen = new Map<string, number>();
	for (const m of flat.matchAll(candidatePattern(terms))) {
		let term = seen.get(m[0]);
		if (term === undefined) {
			const token = m[0].toLowerCase().replaceAll('ё', 'е');
			term = terms.findIndex((t) => matches(token, t));
			seen.set(m[0], term);
		}
		if (term !== -1) hits.push({ start: m.index, end: m.index + m[0].length, term });
		if (hits.length >= 400) break;
	}
	if (hits.length === 0) return excerpt(flat, maxChars);
	let best = 0;
	let bestScore = -1;
	// The window starting at each of the first 100 hits: its hits are hits[i..j).
	for (let i = 0, j = 0; i < hits.length && i < 100; i++) {
		const first = hits[i]!;
		j = Math.max(j, i);
		while (j < hits.length && hits[j]!.end <= first.start + maxChars - LEAD_CHARS) j++;
		const inWindow = hits.slice(i, j);
		const score = new Set(inWindow.map((h) => h.term)).size * 10 + inWindow.length;
		if (score > bestScore) {
			bestScore = score;
			best = first.start;
		}
	}
	let start = Math.max(0, best - LEAD_CHARS);
	if (start > 0) {
		const space = flat.indexOf(' ', start);
		start = space !== -1 && space < best ? space + 1 : start;
	}
	let end = Math.min(flat.length, start + maxChars);
	if (end < flat.length) {
		const space = flat.lastIndexOf(' ', end);
		end = space > best ? space : end;
	}
	let out = '';
	let cursor = start;
	for (const h of hits) {
		if (h.start < start || h.end > end) continue;
		out += `${flat.slice(cursor, h.start)}${MARK_OPEN}${flat.slice(h.start, h.end)}${MARK_CLOSE}`;
		cursor = h.end;
	}
	out += flat.slice(cursor, end);
	return `${start > 0 ? '…' : ''}${out}${end < flat.length ? '…' : ''}`;
}
