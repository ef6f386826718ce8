/**
 * The i18n core for pages, services and mail (client scripts import translator.ts and format.ts
 * directly, with messages a page hands them: `pickMessages`).
 *
 * - Pages: `Astro.locals.t` (set by the middleware for the request's language).
 * - Services and mail: take a `Locale` argument and call `getTranslator(locale, zone)`.
 * - Schemas and errors, where no language is known yet: `messageRef(key, params)`, translated at
 *   the edge with `t.text(message)`.
 */
import { DEFAULT_LOCALE, type Locale } from './locales.ts';
import type { MessageKey } from './keys.ts';
import type { FlatMessages, Message } from './messages/types.ts';
import { en } from './messages/en/index.ts';
import { ru } from './messages/ru/index.ts';
import { createTranslator, type Translator, type TranslatorOptions } from './translator.ts';

export * from './locales.ts';
export type { MessageKey, MessageParams, ParamValue } from './keys.ts';
export type { MessagePart, Translator } from './translator.ts';
export { messageRef } from './message-ref.ts';
export { resolveLocale, localeFromAcceptLanguage, anonymousLocale } from './negotiate.ts';

const CATALOGS = { en, ru } as const;

/** `{ common: { 'date.today': … } }` → `{ 'common.date.today': … }` */
export function flattenCatalog(
	catalog: Readonly<Record<string, Readonly<Record<string, Message>>>>,
): FlatMessages {
	const flat: Record<string, Message> = {};
	for (const [domain, messages] of Object.entries(catalog)) {
		for (const [key, message] of Object.entries(messages)) flat[`${domain}.${key}`] = message;
	}
	return flat;
}

const flatCatalogs = new Map<Locale, FlatMessages>();

/** Every message of `locale`, flat. */
export function messagesOf(locale: Locale): FlatMessages {
	let found = flatCatalogs.get(locale);
	if (!found) flatCatalogs.set(locale, (found = flattenCatalog(CATALOGS[locale])));
	return found;
}

export type ZoneOptions = Pick<TranslatorOptions, 'timeZone' | 'zoneLabel'>;

const translators = new Map<string, Translator>();

/**
 * The translator of `locale`, dates in `zone` (the portal's zone and its label in that language,
 * from the support policy). Cached: a page asks for it on every request.
 */
export function getTranslator(locale: Locale, zone: ZoneOptions): Translator {
	const key = `${locale}|${zone.timeZone}|${zone.zoneLabel}`;
	let found = translators.get(key);
	if (!found) {
		found = createTranslator(locale, messagesOf(locale), {
			...zone,
			fallback: locale === DEFAULT_LOCALE ? undefined : messagesOf(DEFAULT_LOCALE),
		});
		translators.set(key, found);
	}
	return found;
}

/**
 * The messages a client script needs, in `locale`, to hand over in a data attribute or a JSON
 * script tag; the script builds its translator with `createTranslator(locale, picked, zone)`.
 * Keys of `common.date.*` and `common.duration.*` come along whenever the script formats dates.
 */
export function pickMessages(
	locale: Locale,
	keys: readonly MessageKey[],
	options: { dates?: boolean } = {},
): FlatMessages {
	const all = messagesOf(locale);
	const picked: Record<string, Message> = {};
	for (const key of keys) {
		const message = all[key];
		if (message !== undefined) picked[key] = message;
	}
	if (options.dates) {
		for (const [key, message] of Object.entries(all)) {
			if (key.startsWith('common.date.') || key.startsWith('common.duration.'))
				picked[key] = message;
		}
	}
	return picked;
}

export { createTranslator };
