import { userAction } from '#web/actions.ts';
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

export const forum = {
	createTopic: userAction(CreateTopicSchema, createTopic),
	reply: userAction(ReplySchema, replyToTopic),
	editPost: userAction(EditPostSchema, editPost),
	deletePost: userAction(PostRefSchema, deletePost),
	/** Renders a composer's text without saving (the no-JS "Preview" button); echoes the form back. */
	preview: userAction(PreviewSchema, async (db, user, input) => {
		const { html } = await previewMarkdown(db, user, { source: input.body });
		return { ...input, html };
	}),
	accept: userAction(AcceptAnswerSchema, acceptAnswer),
	watch: userAction(WatchSchema, setTopicWatch),
	moderate: userAction(ModerateTopicSchema, moderateTopic),
	move: userAction(MoveTopicSchema, moveTopic),
	hidePost: userAction(HidePostSchema, setPostHiddenByStaff),
	saveCategory: userAction(CategorySchema, saveCategory),
	deleteCategory: userAction(CategoryRefSchema, async (db, user, input) => {
		await removeCategory(db, user, input);
		return { deleted: true };
	}),
};
