import { forumSeeder } from './forum.ts';
import { hintsSeeder } from './hints.ts';
import type { Seeder } from './seeder.ts';
import { ticketsSeeder } from './tickets.ts';
import { usersSeeder } from './users.ts';

/** In dependency order: everything else refers to users. */
export const SEEDERS: Seeder[] = [usersSeeder, forumSeeder, hintsSeeder, ticketsSeeder];
