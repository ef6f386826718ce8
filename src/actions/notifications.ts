import { defineAction } from './define-action.ts';
import { z } from 'astro/zod';
import { requireUser } from '#server/auth/guards.ts';
import { getDb } from '#server/app.ts';
import {
	markAllNotificationsRead,
	markNotificationRead,
} from '#server/notifications/notifications.service.ts';
import { asAction } from './as-action.ts';

export const notifications = {
	markRead: defineAction({
		accept: 'form',
		input: z.object({ id: z.uuid({ error: 'Unknown notification.' }) }),
		handler: (input, { locals }) =>
			asAction(async () => {
				await markNotificationRead(await getDb(), requireUser(locals).id, input.id);
				return { done: true };
			}),
	}),
	markAllRead: defineAction({
		accept: 'form',
		handler: (_input, { locals }) =>
			asAction(async () => ({
				count: await markAllNotificationsRead(await getDb(), requireUser(locals).id),
			})),
	}),
};
