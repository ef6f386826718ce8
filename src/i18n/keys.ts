import type { SourceCatalog } from './messages/en/index.ts';

/**
 * Typed message keys, computed from the English catalog: `t('tickets.list.title')` compiles only
 * when the key exists, and only with the placeholders its English text has. Types only: client
 * scripts import this without bundling any catalog.
 */

type Domain = keyof SourceCatalog & string;

/** `domain.key` for every message of every domain. */
export type MessageKey = { [D in Domain]: `${D}.${keyof SourceCatalog[D] & string}` }[Domain];

/** The English message behind a key (a literal type, so its placeholders can be read). */
export type MessageOf<K extends MessageKey> = K extends `${infer D extends Domain}.${infer R}`
	? R extends keyof SourceCatalog[D]
		? SourceCatalog[D][R]
		: never
	: never;

type PlaceholdersIn<S> = S extends `${string}{${infer P}}${infer R}`
	? P | PlaceholdersIn<R>
	: never;

/** Placeholder names of a message; a plural message always has `count`. */
export type PlaceholderOf<M> = M extends string
	? PlaceholdersIn<M>
	: M extends { readonly other: string }
		? 'count' | PlaceholdersIn<M[keyof M]>
		: never;

/** Numbers are formatted for the language ("12 345"); pass a string for ids and years. */
export type ParamValue = string | number;

export type MessageParams<K extends MessageKey> = {
	readonly [P in PlaceholderOf<MessageOf<K>>]: ParamValue;
};

/** No second argument for a message without placeholders; all of them for one with. */
export type ParamsArg<K extends MessageKey> = [PlaceholderOf<MessageOf<K>>] extends [never]
	? []
	: [params: MessageParams<K>];
