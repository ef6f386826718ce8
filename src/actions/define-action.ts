import { defineAction as defineAstroAction } from 'astro:actions';
import type { z } from 'astro/zod';
import { refuseUnstorableText } from '#server/db/storable-text.ts';

/**
 * Astro's `defineAction` with one check added to every input schema: text the database cannot
 * store (NUL) is a field error (400) before the handler runs, so it never counts against a rate
 * limit. Every action is defined through this.
 */
export const defineAction = ((action: Parameters<typeof defineAstroAction>[0]) =>
	defineAstroAction({
		...action,
		// NOTE: Astro types inputs as zod's core type; every schema here is a classic one (astro/zod).
		input: action.input && refuseUnstorableText(action.input as z.ZodType),
	})) as typeof defineAstroAction;
