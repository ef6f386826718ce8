import { DEFAULT_LOCALE, isLocale, type Locale } from './locales.ts';

/**
 * Which language a request is answered in. One rule for pages, the page cache and tests:
 * `?lang=` (an explicit choice, which the caller also stores in the cookie) > the `lang` cookie
 * > the signed-in account's setting > `Accept-Language` (in effect on a first visit: afterwards
 * a choice is remembered) > English.
 */

export type LocaleSource = 'query' | 'cookie' | 'account' | 'accept-language' | 'default';

export interface LocaleInputs {
	query?: string | null | undefined;
	cookie?: string | null | undefined;
	account?: string | null | undefined;
	acceptLanguage?: string | null | undefined;
}

export interface ResolvedLocale {
	locale: Locale;
	source: LocaleSource;
}

export function resolveLocale(inputs: LocaleInputs): ResolvedLocale {
	if (isLocale(inputs.query)) return { locale: inputs.query, source: 'query' };
	if (isLocale(inputs.cookie)) return { locale: inputs.cookie, source: 'cookie' };
	if (isLocale(inputs.account)) return { locale: inputs.account, source: 'account' };
	const negotiated = localeFromAcceptLanguage(inputs.acceptLanguage);
	if (negotiated) return { locale: negotiated, source: 'accept-language' };
	return { locale: DEFAULT_LOCALE, source: 'default' };
}

const MAX_HEADER = 1_000;

/**
 * The supported language the browser prefers most, or `undefined` when it names none of them.
 * Reads `ru-RU,ru;q=0.9,en-US;q=0.8`: primary subtags, quality values (q=0 means "not this"),
 * header order breaking ties; `*` is not a preference for any one language.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
	if (!header) return undefined;
	let best: { locale: Locale; q: number } | undefined;
	for (const part of header.slice(0, MAX_HEADER).split(',')) {
		const [range = '', ...params] = part.trim().split(';');
		const primary = range.trim().toLowerCase().split('-')[0] ?? '';
		if (!isLocale(primary)) continue;
		const q = qualityOf(params);
		if (q > 0 && (!best || q > best.q)) best = { locale: primary, q };
	}
	return best?.locale;
}

function qualityOf(params: readonly string[]): number {
	for (const param of params) {
		const [name = '', value = ''] = param.split('=').map((p) => p.trim());
		if (name.toLowerCase() !== 'q') continue;
		// A malformed weight is no preference at all.
		if (!/^[01](?:\.\d{0,3})?$/.test(value)) return 0;
		return Math.min(Number(value), 1);
	}
	return 1;
}

/** For the page cache: the language an anonymous request (no cookie, no query) is answered in. */
export function anonymousLocale(acceptLanguage: string | null | undefined): Locale {
	return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
