import { stemWord } from '#server/routing/tokenize.ts';
import { excerpt, MARK_CLOSE, MARK_OPEN } from './text.ts';

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
	for (const m of flat.matchAll(TOKEN)) {
		const token = m[0].toLowerCase().replaceAll('ё', 'е');
		const term = terms.findIndex((t) => matches(token, t));
		if (term !== -1) hits.push({ start: m.index, end: m.index + m[0].length, term });
		if (hits.length >= 400) break;
	}
	if (hits.length === 0) return excerpt(flat, maxChars);
	let best = 0;
	let bestScore = -1;
	for (let i = 0; i < hits.length && i < 100; i++) {
		const first = hits[i];
		if (!first) continue;
		const inWindow = hits.filter((h) => h.start >= first.start && h.end <= first.start + maxChars - LEAD_CHARS);
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
