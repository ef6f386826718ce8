import type { z } from 'astro/zod';
import { UNSTORABLE_TEXT_MESSAGE } from '#server/http/portal-error.ts';

/** PostgreSQL text cannot hold NUL; nothing else a form can send is refused by the database. */
const UNSTORABLE = '\u0000';

/** Paths of the strings in `value` (nested objects and arrays too) that the database cannot store. */
export function unstorableTextPaths(value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
	if (typeof value === 'string') return value.includes(UNSTORABLE) ? [path] : [];
	if (Array.isArray(value))
		return value.flatMap((item, i) => unstorableTextPaths(item, [...path, i]));
	if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		return Object.entries(value).flatMap(([key, item]) =>
			unstorableTextPaths(item, [...path, key]),
		);
	}
	return [];
}

/**
 * The schema, refusing text the database cannot store as a field error: the input fails
 * validation before any handler runs, so it spends no rate-limit slot and reaches no query.
 */
export function refuseUnstorableText<S extends z.ZodType>(schema: S): S {
	return schema.superRefine((value, ctx) => {
		for (const path of unstorableTextPaths(value))
			ctx.addIssue({ code: 'custom', path, message: UNSTORABLE_TEXT_MESSAGE });
	}) as S;
}
