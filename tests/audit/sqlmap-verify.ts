// Reading sqlmap's report honestly. sqlmap flags "boolean-based blind" injection when a payload
// that is true in SQL (`markup AND 6964=6964`) answers like the original page and a false one
// (`markup AND 6964=6965`) does not. A search whose results depend on how many distinct words a
// question has answers exactly so without any SQL: `6964=6964` is one word, `6964=6965` two. So a
// boolean finding is replayed next to a benign control pair, the same words without the SQL
// syntax (`markup AND 6964 6964` / `markup AND 6964 6965`). When the payloads answer exactly like
// their controls, SQL played no part and the finding is reported as unconfirmed, with that
// reason; a real injection answers the control differently (a syntax error, other rows). Every
// other kind of finding, and any boolean one that does not behave so, stays a finding.

import { requestOnce } from '../tools/request-once.ts';

export interface InjectionPoint {
	parameter: string;
	place: string;
	/** sqlmap's technique, e.g. "boolean-based blind". */
	type: string;
	title: string;
	/** sqlmap's payload line, e.g. "q=markup AND 6964=6964" (the request's parameters). */
	payload: string;
}

/** The injection points of one sqlmap run (its "identified/resumed the following" blocks). */
export function parseInjectionPoints(out: string): InjectionPoint[] {
	const points: InjectionPoint[] = [];
	const blocks = out.matchAll(/the following injection point\(s\)[^\n]*\n---\n([\s\S]*?)\n---/g);
	for (const [, block] of blocks) {
		let parameter = '';
		let place = '';
		let current: InjectionPoint | undefined;
		for (const line of block!.split('\n')) {
			const param = /^Parameter: (\S+) \((.+)\)/.exec(line);
			const field = /^\s+(Type|Title|Payload): (.*)$/.exec(line);
			if (param) {
				parameter = param[1]!;
				place = param[2]!;
			} else if (field?.[1] === 'Type') {
				current = { parameter, place, type: field[2]!.trim(), title: '', payload: '' };
				points.push(current);
			} else if (field && current)
				current[field[1] === 'Title' ? 'title' : 'payload'] = field[2]!.trim();
		}
	}
	return points;
}

export interface Verdict {
	confirmed: boolean;
	reason: string;
}

const WORD = /[\p{L}\p{N}]+/gu;

function distinctWords(text: string): number {
	return new Set(text.toLowerCase().match(WORD) ?? []).size;
}

/** The value sqlmap sent for `parameter`, from its payload line. */
function payloadValue(point: InjectionPoint): string | undefined {
	const prefix = `${point.parameter}=`;
	return point.payload
		.split('&')
		.find((part) => part.startsWith(prefix))
		?.slice(prefix.length);
}

/** The false twin of a true boolean payload: its first `X=X` comparison made unequal. */
function falseTwin(value: string): string | undefined {
	const number = /(?<!\d)(\d+)=\1(?!\d)/.exec(value);
	if (number) return value.replace(number[0], `${number[1]}=${BigInt(number[1]!) + 1n}`);
	const quoted = /(['"])(\w+)\1=\1\2(?!\w)/.exec(value);
	if (quoted) return value.replace(quoted[0], `${quoted[0]}x`);
	return undefined;
}

/**
 * The same question without SQL: each run of punctuation becomes one space, so the words, their
 * order and whether the question ends in a word (a prefix while typing) stay the same.
 */
function control(value: string): string {
	return value.replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ');
}

const HTML_ESCAPES: [RegExp, string[]][] = [
	[/&/g, ['&amp;']],
	[/</g, ['&lt;']],
	[/>/g, ['&gt;']],
	[/"/g, ['&quot;', '&#34;']],
	[/'/g, ['&#39;', '&#x27;']],
];

/** Every form in which a page may echo `value`: raw, URL-encoded, JSON, HTML-escaped. */
function echoes(value: string): string[] {
	const forms = new Set<string>();
	const collapsed = value.replace(/\s+/g, ' ').trim();
	for (const text of [
		value,
		value.trim(),
		value.trim().slice(0, 60),
		collapsed,
		collapsed.slice(0, 60),
	]) {
		for (const encoded of [
			text,
			encodeURIComponent(text),
			new URLSearchParams({ v: text }).toString().slice(2),
			JSON.stringify(text).slice(1, -1),
		]) {
			forms.add(encoded);
			for (const [pattern, replacements] of HTML_ESCAPES)
				for (const r of replacements) forms.add(encoded.replace(pattern, r));
			forms.add(HTML_ESCAPES.reduce((s, [pattern, [r]]) => s.replace(pattern, r!), encoded));
		}
	}
	return [...forms].filter(Boolean).sort((a, b) => b.length - a.length);
}

/** The response to `target` with `parameter` set to `value`, minus echoes of the value. */
async function answer(
	base: string,
	cookie: string,
	target: string,
	parameter: string,
	value: string,
): Promise<string> {
	const url = new URL(target, base);
	url.searchParams.set(parameter, value);
	const res = await requestOnce(url, { headers: { cookie, origin: base } });
	let body = res.text;
	for (const echo of echoes(value)) body = body.replaceAll(echo, '\u0000');
	return `${res.status}\n${body}`;
}

/**
 * Replays a boolean-based blind finding on the GET URL `target` (path and query) against its
 * benign control. Confirmed unless the payloads answer exactly like their controls.
 */
export async function verifyBooleanBlind(
	base: string,
	cookie: string,
	target: string,
	point: InjectionPoint,
): Promise<Verdict> {
	const trueValue = payloadValue(point);
	const falseValue = trueValue && falseTwin(trueValue);
	if (!trueValue || !falseValue)
		return {
			confirmed: true,
			reason: `could not derive the true/false pair from "${point.payload}"`,
		};
	const [trueControl, falseControl] = [control(trueValue), control(falseValue)];
	const get = (value: string) => answer(base, cookie, target, point.parameter, value);
	const [t, tAgain, f, ct, cf] = [
		await get(trueValue),
		await get(trueValue),
		await get(falseValue),
		await get(trueControl),
		await get(falseControl),
	];
	const pair = `"${trueValue}" / "${falseValue}"`;
	if (t !== tAgain)
		return {
			confirmed: true,
			reason: `not verifiable: the page changes between two identical requests (${pair})`,
		};
	if (t === f)
		return { confirmed: false, reason: `not reproduced: ${pair} answer identically on replay` };
	if (t === ct && f === cf) {
		return {
			confirmed: false,
			reason: `${pair} answer exactly like the same questions without SQL, "${trueControl.trim()}" / "${falseControl.trim()}": the page changes with the number of distinct words (${distinctWords(trueValue)} vs ${distinctWords(falseValue)}), not with SQL logic`,
		};
	}
	return {
		confirmed: true,
		reason: `${pair} answer differently from the same words without SQL ("${trueControl.trim()}" / "${falseControl.trim()}")`,
	};
}
