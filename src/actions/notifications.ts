import { asAction, defineAction, userAction } from '#web/actions.ts';
import { z } from 'astro/zod';
import { requireUser } from '#server/auth/guards.ts';
import { getDb } from '#server/app.ts';
import {
	markAllNotificationsRead,
	markNotificationRead,
} from '#server/notifications/notifications.service.ts';

export const notifications = {
	markRead: userAction(
		z.object({ id: z.uuid({ error: 'Unknown notification.' }) }),
		async (db, user, input) => {
			await markNotificationRead(db, user.id, input.id);
			return { done: true };
		},
	),
	markAllRead: defineAction({
		accept: 'form',
		handler: (_input, { locals }) =>
			asAction(async () => ({
				count: await markAllNotificationsRead(await getDb(), requireUser(locals).id),
			})),
	}),
};
