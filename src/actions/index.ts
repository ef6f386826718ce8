import { auth } from './auth.ts';
import { forum } from './forum.ts';
import { notifications } from './notifications.ts';

export const server = { auth, forum, notifications };
