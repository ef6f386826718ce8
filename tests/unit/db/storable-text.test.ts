import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { refuseUnstorableText, unstorableTextPaths } from '#server/db/storable-text.ts';
import { ReplySchema } from '#server/forum/forum.schema.ts';

describe('text the database cannot store', () => {
	it('finds NUL in strings at any depth, and nothing else', () => {
		expect(
			unstorableTextPaths({
				a: 'ok',
				b: 'x\u0000y',
				c: ['fine', '\u0000'],
				d: { e: '\u0000' },
				n: 0,
				f: null,
			}),
		).toEqual([['b'], ['c', 1], ['d', 'e']]);
		expect(
			unstorableTextPaths({ text: 'Ünïcödé \u202e 😀 \u0001 \t\n', when: new Date() }),
		).toEqual([]);
	});

	it('makes a NUL a field error of the schema, after its own checks', () => {
		const schema = refuseUnstorableText(ReplySchema);
		const topicId = '00000000-0000-4000-8000-000000000000';
		const refused = schema.safeParse({ topicId, body: 'pasted\u0000binary' });
		expect(refused.success).toBe(false);
		expect(refused.error?.issues.map((i) => [i.path, i.message])).toEqual([
			[['body'], expect.stringContaining('characters we cannot store')],
		]);
		expect(schema.parse({ topicId, body: 'A normal reply.' }).body).toBe('A normal reply.');
		// The schema's own messages come first; the object stays an object schema (forms need its shape).
		expect(schema.safeParse({ topicId, body: '   ' }).error?.issues[0]?.message).toMatch(
			/Write something first/,
		);
		expect(refuseUnstorableText(z.object({ a: z.string() }))).toBeInstanceOf(z.ZodObject);
	});
});
