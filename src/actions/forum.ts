import { defineAction } from './define-action.ts';
import { requireUser } from '#server/auth/guards.ts';
import { getDb } from '#server/app.ts';
import { removeCategory, saveCategory } from '#server/forum/categories.service.ts';
import {
	AcceptAnswerSchema,
	CategoryRefSchema,
	CategorySchema,
	CreateTopicSchema,
	EditPostSchema,
	HidePostSchema,
	ModerateTopicSchema,
	MoveTopicSchema,
	PostRefSchema,
	PreviewSchema,
	ReplySchema,
	WatchSchema,
} from '#server/forum/forum.schema.ts';
import {
	moderateTopic,
	moveTopic,
	setPostHiddenByStaff,
} from '#server/forum/moderation.service.ts';
import { createTopic, deletePost, editPost, replyToTopic } from '#server/forum/posting.service.ts';
import { acceptAnswer, setTopicWatch } from '#server/forum/topic-actions.service.ts';
import { previewMarkdown } from '#server/markdown/preview.service.ts';
import { asAction } from './as-action.ts';

export const forum = {
	createTopic: defineAction({
		accept: 'form',
		input: CreateTopicSchema,
		handler: (input, { locals }) =>
			asAction(async () => createTopic(await getDb(), requireUser(locals), input)),
	}),
	reply: defineAction({
		accept: 'form',
		input: ReplySchema,
		handler: (input, { locals }) =>
			asAction(async () => replyToTopic(await getDb(), requireUser(locals), input)),
	}),
	editPost: defineAction({
		accept: 'form',
		input: EditPostSchema,
		handler: (input, { locals }) =>
			asAction(async () => editPost(await getDb(), requireUser(locals), input)),
	}),
	deletePost: defineAction({
		accept: 'form',
		input: PostRefSchema,
		handler: (input, { locals }) =>
			asAction(async () => deletePost(await getDb(), requireUser(locals), input)),
	}),
	/** Renders a composer's text without saving (the no-JS "Preview" button); echoes the form back. */
	preview: defineAction({
		accept: 'form',
		input: PreviewSchema,
		handler: (input, { locals }) =>
			asAction(async () => {
				const { html } = await previewMarkdown(await getDb(), requireUser(locals), {
					source: input.body,
				});
				return { ...input, html };
			}),
	}),
	accept: defineAction({
		accept: 'form',
		input: AcceptAnswerSchema,
		handler: (input, { locals }) =>
			asAction(async () => acceptAnswer(await getDb(), requireUser(locals), input)),
	}),
	watch: defineAction({
		accept: 'form',
		input: WatchSchema,
		handler: (input, { locals }) =>
			asAction(async () => setTopicWatch(await getDb(), requireUser(locals), input)),
	}),
	moderate: defineAction({
		accept: 'form',
		input: ModerateTopicSchema,
		handler: (input, { locals }) =>
			asAction(async () => moderateTopic(await getDb(), requireUser(locals), input)),
	}),
	move: defineAction({
		accept: 'form',
		input: MoveTopicSchema,
		handler: (input, { locals }) =>
			asAction(async () => moveTopic(await getDb(), requireUser(locals), input)),
	}),
	hidePost: defineAction({
		accept: 'form',
		input: HidePostSchema,
		handler: (input, { locals }) =>
			asAction(async () => setPostHiddenByStaff(await getDb(), requireUser(locals), input)),
	}),
	saveCategory: defineAction({
		accept: 'form',
		input: CategorySchema,
		handler: (input, { locals }) =>
			asAction(async () => saveCategory(await getDb(), requireUser(locals), input)),
	}),
	deleteCategory: defineAction({
		accept: 'form',
		input: CategoryRefSchema,
		handler: (input, { locals }) =>
			asAction(async () => {
				await removeCategory(await getDb(), requireUser(locals), input);
				return { deleted: true };
			}),
	}),
};
