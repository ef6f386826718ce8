import { auth } from './auth.ts';
import { forum } from './forum.ts';
import { hints } from './hints.ts';
import { notifications } from './notifications.ts';

export const server = { auth, hints, forum, notifications };
