/**
 * The portal's languages. English is the source of truth: every message exists in English first,
 * and Russian is typed against it (src/i18n/messages/ru/index.ts).
 */

export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** The query parameter (`?lang=ru`) that picks a language explicitly and remembers it. */
export const LOCALE_PARAM = 'lang';
/** The cookie that remembers a visitor's choice. */
export const LOCALE_COOKIE = 'lang';

/**
 * The tag Intl formats with. NOTE: British English for a 24-hour clock and day-month order
 * ("Fri 4 December, 09:00"), as the portal has always written dates.
 */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { en: 'en-GB', ru: 'ru-RU' };

/** Each language's name in itself, for the switcher (a reader looks for their own language). */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', ru: 'Русский' };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The other languages, in LOCALES order (the switcher's links). */
export function otherLocales(locale: Locale): Locale[] {
	return LOCALES.filter((l) => l !== locale);
}
