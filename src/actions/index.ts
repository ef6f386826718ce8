import { auth } from './auth.ts';
import { tickets } from './tickets.ts';

export const server = { auth, tickets };
