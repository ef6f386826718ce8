import type { Migration } from 'kysely/migration';
import * as m20261126_01 from './20261126_01_accounts.ts';
import * as m20261126_02 from './20261126_02_search_outbox.ts';
import * as m20261126_05 from './20261126_05_knowledge.ts';
import * as m20261126_10 from './20261126_10_forum.ts';
import * as m20261126_20 from './20261126_20_tickets.ts';
import * as m20261127_01 from './20261127_01_search.ts';
import * as m20261128_01 from './20261128_01_forum_counts.ts';
import * as m20261204_30 from './20261204_30_attachments.ts';

// NOTE: a static registry so the Astro bundle contains every migration. Append, never reorder.
export const migrations: Record<string, Migration> = {
	'20261126_01_accounts': m20261126_01,
	'20261126_02_search_outbox': m20261126_02,
	'20261126_05_knowledge': m20261126_05,
	'20261126_10_forum': m20261126_10,
	'20261126_20_tickets': m20261126_20,
	'20261127_01_search': m20261127_01,
	'20261128_01_forum_counts': m20261128_01,
	'20261204_30_attachments': m20261204_30,
};
