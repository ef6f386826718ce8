import { z } from 'astro/zod';
import { attachmentFields } from '#server/attachments/attachments.schema.ts';
import { BadRequestError } from '#server/errors.ts';

/** Longest post body we accept, in characters. */
export const MAX_POST_LENGTH = 50_000;
export const MAX_TITLE_LENGTH = 200;
export const MIN_TITLE_LENGTH = 5;
/** Posts per topic page and topics per list page. */
export const POSTS_PER_PAGE = 20;
export const TOPICS_PER_PAGE = 30;

const uuid = z.uuid({ error: 'That item does not exist.' });

export const postBody = z
	.string({ error: 'Write something first.' })
	.max(MAX_POST_LENGTH, {
		error: `Posts can be at most ${MAX_POST_LENGTH.toLocaleString('en-GB')} characters long.`,
	})
	.refine((text) => text.trim().length > 0, { error: 'Write something first: the post is empty.' })
	.transform((text) => text.replace(/\r\n?/g, '\n').replace(/\s+$/, ''));

export const topicTitle = z
	.string({ error: 'Enter a title.' })
	.trim()
	.min(MIN_TITLE_LENGTH, { error: `Use at least ${MIN_TITLE_LENGTH} characters for the title.` })
	.max(MAX_TITLE_LENGTH, { error: `Use at most ${MAX_TITLE_LENGTH} characters for the title.` })
	.transform((text) => text.replace(/\s+/g, ' '));

const categorySlug = z
	.string({ error: 'Choose a category.' })
	.trim()
	.min(1, { error: 'Choose a category.' })
	.max(60);

/** Checkbox values of HTML forms ("on") and JSON booleans alike. */
const checkbox = z
	.union([z.boolean(), z.string()])
	.optional()
	.transform((v) => v === true || v === 'on' || v === 'true' || v === '1');

export const CreateTopicSchema = z.object({
	categorySlug,
	title: topicTitle,
	body: postBody,
	...attachmentFields,
});
export type CreateTopic = z.output<typeof CreateTopicSchema>;

export const ReplySchema = z.object({ topicId: uuid, body: postBody, ...attachmentFields });
export type Reply = z.output<typeof ReplySchema>;

export const EditPostSchema = z.object({
	postId: uuid,
	body: postBody,
	/** Only for the first post of a topic; ignored otherwise. */
	title: topicTitle.optional(),
});
export type EditPost = z.output<typeof EditPostSchema>;

export const PostRefSchema = z.object({ postId: uuid });
export type PostRef = z.output<typeof PostRefSchema>;

export const TopicRefSchema = z.object({ topicId: uuid });
export type TopicRef = z.output<typeof TopicRefSchema>;

export const AcceptAnswerSchema = z.object({
	topicId: uuid,
	/** Empty to clear the accepted answer. */
	postId: z
		.union([uuid, z.literal('')])
		.optional()
		.transform((v) => v || undefined),
});
export type AcceptAnswer = z.output<typeof AcceptAnswerSchema>;

export const WatchSchema = z.object({ topicId: uuid, watch: checkbox });
export type Watch = z.output<typeof WatchSchema>;

export const TOPIC_MODERATIONS = ['pin', 'unpin', 'lock', 'unlock', 'hide', 'unhide'] as const;
export type TopicModeration = (typeof TOPIC_MODERATIONS)[number];

export const ModerateTopicSchema = z.object({
	topicId: uuid,
	action: z.enum(TOPIC_MODERATIONS, { error: 'Unknown moderation action.' }),
});
export type ModerateTopic = z.output<typeof ModerateTopicSchema>;

export const MoveTopicSchema = z.object({ topicId: uuid, categorySlug });
export type MoveTopic = z.output<typeof MoveTopicSchema>;

export const HidePostSchema = z.object({ postId: uuid, hidden: checkbox });
export type HidePost = z.output<typeof HidePostSchema>;

export const PreviewSchema = z.object({
	body: z.string({ error: 'Write something to preview.' }).max(MAX_POST_LENGTH, {
		error: `Posts can be at most ${MAX_POST_LENGTH.toLocaleString('en-GB')} characters long.`,
	}),
	title: z
		.string()
		.max(MAX_TITLE_LENGTH * 2)
		.optional(),
	categorySlug: z.string().max(60).optional(),
	topicId: z.string().max(60).optional(),
	postId: z.string().max(60).optional(),
});
export type Preview = z.output<typeof PreviewSchema>;

export const CategorySchema = z.object({
	/** Present when editing. */
	id: z
		.union([uuid, z.literal('')])
		.optional()
		.transform((v) => v || undefined),
	slug: z
		.string({ error: 'Enter a slug.' })
		.trim()
		.toLowerCase()
		.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
			error: 'Use lowercase letters, digits and single hyphens.',
		})
		.max(60, { error: 'Use at most 60 characters.' }),
	name: z
		.string({ error: 'Enter a name.' })
		.trim()
		.min(2, { error: 'Enter a name.' })
		.max(80, { error: 'Use at most 80 characters.' }),
	description: z.string().trim().max(500, { error: 'Use at most 500 characters.' }).default(''),
	position: z.coerce
		.number({ error: 'Enter a number.' })
		.int({ error: 'Enter a whole number.' })
		.min(0)
		.max(10_000),
	parentSlug: z
		.string()
		.trim()
		.max(60)
		.optional()
		.transform((v) => v || undefined),
	staffOnlyTopics: checkbox,
});
export type CategoryInput = z.output<typeof CategorySchema>;

export const CategoryRefSchema = z.object({ id: uuid });

/**
 * Parses `input` with `schema` inside a service (actions validate at the edge too; services
 * re-check because tests, scripts and endpoints call them directly).
 * @throws BadRequestError with a message per field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const details: Record<string, string> = {};
	for (const issue of result.error.issues) {
		const field = issue.path.map(String).join('.') || 'form';
		details[field] ??= issue.message;
	}
	const first = Object.values(details)[0] ?? 'Please check the form.';
	throw new BadRequestError(first, details);
}
