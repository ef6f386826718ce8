import type { MessageKey, ParamsArg, ParamValue } from './keys.ts';

/**
 * A message to be translated later, where the language is not known yet: zod schema errors and
 * AppError messages are written as message references, and the edge that shows them (a form,
 * a JSON error, a flash) translates them in the reader's language with `t.text()`.
 *
 * A reference without placeholders is the key itself (`'hints.form.titleRequired'`); with
 * placeholders it is the key, a unit separator and the parameters as JSON, so it stays one plain
 * string through zod, Astro actions and logs.
 */

const SEPARATOR = '\u001f';

export function messageRef<K extends MessageKey>(key: K, ...params: ParamsArg<K>): string {
	const [values] = params as [Record<string, ParamValue>?];
	return values ? `${key}${SEPARATOR}${JSON.stringify(values)}` : key;
}

export interface DecodedRef {
	key: string;
	params: Record<string, ParamValue> | undefined;
}

/** Splits a reference; any other text comes back as a key with no parameters. */
export function decodeMessageRef(text: string): DecodedRef {
	const at = text.indexOf(SEPARATOR);
	if (at === -1) return { key: text, params: undefined };
	try {
		const parsed: unknown = JSON.parse(text.slice(at + 1));
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
			const params: Record<string, ParamValue> = {};
			for (const [name, value] of Object.entries(parsed)) {
				if (typeof value === 'string' || typeof value === 'number') params[name] = value;
			}
			return { key: text.slice(0, at), params };
		}
	} catch {
		// Not JSON after the separator: not one of ours, shown as it is.
	}
	return { key: text, params: undefined };
}
