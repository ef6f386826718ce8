import { auth } from './auth.ts';
import { forum } from './forum.ts';
import { hints } from './hints.ts';
import { notifications } from './notifications.ts';
import { tickets } from './tickets.ts';

export const server = { auth, forum, hints, notifications, tickets };
