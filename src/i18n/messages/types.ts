import type { Locale } from '../locales.ts';

/**
 * The shapes of message catalogs. A message is a string with `{name}` placeholders, or a plural
 * message: one text per plural category of the language (Intl.PluralRules), with `{count}`.
 */

export const PLURAL_CATEGORIES = {
	en: ['one', 'other'],
	ru: ['one', 'few', 'many', 'other'],
} as const satisfies Record<Locale, readonly Intl.LDMLPluralRule[]>;

export type PluralCategory<L extends Locale> = (typeof PLURAL_CATEGORIES)[L][number];

/** `{ one: '{count} ticket', other: '{count} tickets' }`; Russian adds `few` and `many`. */
export type PluralMessage<L extends Locale> = { readonly [C in PluralCategory<L>]: string };

/** Any language's plural message, as the translator reads it. */
export type AnyPluralMessage = Readonly<Partial<Record<Intl.LDMLPluralRule, string>>> & {
	readonly other: string;
};

export type Message = string | AnyPluralMessage;

/** An English domain file: keys (dots allowed) to messages. */
export type SourceMessages = Readonly<Record<string, string | PluralMessage<'en'>>>;

/**
 * A domain file in another language, shaped like its English source: the same keys (a missing or
 * extra key fails the type check), a string for a string, a plural message with every category
 * of `L` for a plural one.
 */
export type Translation<S extends SourceMessages, L extends Locale> = {
	readonly [K in keyof S]: S[K] extends string ? string : PluralMessage<L>;
};

/** The flat form the translator reads: `domain.key` to message. */
export type FlatMessages = Readonly<Record<string, Message>>;
