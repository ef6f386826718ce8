import type { AstroGlobal } from 'astro';
import { getTranslator, resolveLocale, type Translator } from '#i18n/index.ts';
import { getPolicy } from '#server/support/policy.ts';

/**
 * The translator for this page's reader, until the i18n middleware puts one in `Astro.locals`:
 * the language by the one rule (src/i18n/negotiate.ts), dates in the portal's zone.
 */
export function pageTranslator(
	astro: Pick<AstroGlobal, 'url' | 'cookies' | 'request'>,
): Translator {
	const { locale } = resolveLocale({
		query: astro.url.searchParams.get('lang'),
		cookie: astro.cookies.get('lang')?.value,
		acceptLanguage: astro.request.headers.get('accept-language'),
	});
	const policy = getPolicy();
	return getTranslator(locale, { timeZone: policy.timezone, zoneLabel: policy.timezoneLabel });
}
