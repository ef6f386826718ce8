import { auth } from './auth.ts';
import { hints } from './hints.ts';

export const server = { auth, hints };
