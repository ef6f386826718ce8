/**
 * Latin words in text that should be Russian: what the message-file test and the browser tests
 * count. Brand, product and technical names are allowed (they are written in Latin letters in
 * Russian text too); everything else in Latin letters is English left behind.
 */

/** Names kept in Latin letters in Russian text (compared case-insensitively, whole words). */
export const LATIN_ALLOWED = [
	// The vendor and its products.
	'OpenTrade',
	'Commerce',
	'OT',
	'API',
	'Key',
	'Keys',
	'Storefront',
	// The policy's term for the most urgent problems, kept by the Russian translation.
	'Severity',
	// Technical names and formats.
	'PHP',
	'CNY',
	'URL',
	'HTTPS',
	'HTTP',
	'SEO',
	'SMTP',
	'cron',
	'nginx',
	'Atom',
	'RSS',
	'JSON',
	'Markdown',
	'e-mail',
	'email',
	'Telegram',
	'WhatsApp',
	'Teams',
	'Skype',
	// Language names as the switcher shows them, each in itself.
	'English',
] as const;

const ALLOWED = new Set(LATIN_ALLOWED.map((w) => w.toLowerCase()));

/** Latin words of two or more letters in `text` that are not in the allowed names. */
export function latinWords(text: string, extraAllowed: readonly string[] = []): string[] {
	const extra = new Set(extraAllowed.map((w) => w.toLowerCase()));
	return [...text.matchAll(/[A-Za-z][A-Za-z'-]*[A-Za-z]/g)]
		.map((m) => m[0])
		.filter((word) => !ALLOWED.has(word.toLowerCase()) && !extra.has(word.toLowerCase()));
}
