import { sql } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import type { Role } from '#server/db/schema.ts';

/** The conversation (messages, internal notes) and the history (events) of tickets. */

export interface Person {
	id: string;
	displayName: string;
	handle: string;
	role: Role;
}

export interface TicketMessage {
	id: string;
	ticketId: string;
	/** null for notices written by the system (merges). */
	author: Person | null;
	body: string;
	internal: boolean;
	/** Number of the ticket this message came from when tickets were merged. */
	mergedFrom: number | null;
	createdAt: Date;
}

export interface TicketEvent {
	id: string;
	kind: string;
	actor: Person | null;
	details: Record<string, unknown>;
	createdAt: Date;
}

const date = (value: Date | string): Date => new Date(value);

/** The columns of the user joined as `u` (author, actor) that make a Person. */
const PERSON_COLUMNS = ['u.id as person_id', 'u.display_name', 'u.handle', 'u.role'] as const;

function toPerson(row: {
	person_id: string | null;
	display_name: string | null;
	handle: string | null;
	role: Role | null;
}): Person | null {
	return row.person_id && row.display_name && row.handle && row.role
		? { id: row.person_id, displayName: row.display_name, handle: row.handle, role: row.role }
		: null;
}

export interface NewMessage {
	ticketId: string;
	authorId: string | null;
	body: string;
	internal: boolean;
	mergedFrom?: number | null;
	createdAt: Date;
}

export async function insertMessage(db: Db, values: NewMessage): Promise<string> {
	const row = await db
		.insertInto('ticket_messages')
		.values({
			ticket_id: values.ticketId,
			author_id: values.authorId,
			body: values.body,
			internal: values.internal,
			merged_from: values.mergedFrom ?? null,
			created_at: values.createdAt,
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/**
 * The conversation of a ticket, oldest first.
 * NOTE: internal notes are filtered in SQL, so they never reach a customer's page or JSON.
 */
export async function listMessages(
	db: Db,
	ticketId: string,
	options: { includeInternal: boolean },
): Promise<TicketMessage[]> {
	let query = db
		.selectFrom('ticket_messages as m')
		.leftJoin('users as u', 'u.id', 'm.author_id')
		.select([
			'm.id',
			'm.ticket_id',
			'm.body',
			'm.internal',
			'm.merged_from',
			'm.created_at',
			...PERSON_COLUMNS,
		])
		.where('m.ticket_id', '=', ticketId);
	if (!options.includeInternal) query = query.where('m.internal', '=', false);
	const rows = await query.orderBy('m.created_at').orderBy('m.id').execute();
	return rows.map((row) => ({
		id: row.id,
		ticketId: row.ticket_id,
		author: toPerson(row),
		body: row.body,
		internal: row.internal,
		mergedFrom: row.merged_from === null ? null : Number(row.merged_from),
		createdAt: date(row.created_at),
	}));
}

/** Copies every message of `fromId` to `toId`, tagged with the source ticket's number. */
export async function copyMessages(
	db: Db,
	fromId: string,
	toId: string,
	fromNumber: number,
): Promise<number> {
	const result = await db
		.insertInto('ticket_messages')
		.columns(['ticket_id', 'author_id', 'body', 'internal', 'merged_from', 'created_at'])
		.expression((eb) =>
			eb
				.selectFrom('ticket_messages')
				.select([
					sql<string>`${toId}::uuid`.as('ticket_id'),
					'author_id',
					'body',
					'internal',
					sql<number>`${fromNumber}::int`.as('merged_from'),
					'created_at',
				])
				.where('ticket_id', '=', fromId),
		)
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function insertEvent(
	db: Db,
	values: {
		ticketId: string;
		actorId: string | null;
		kind: string;
		details: Record<string, unknown>;
		createdAt: Date;
	},
): Promise<void> {
	await db
		.insertInto('ticket_events')
		.values({
			ticket_id: values.ticketId,
			actor_id: values.actorId,
			kind: values.kind,
			details: JSON.stringify(values.details),
			created_at: values.createdAt,
		})
		.execute();
}

export async function listEvents(db: Db, ticketId: string): Promise<TicketEvent[]> {
	const rows = await db
		.selectFrom('ticket_events as e')
		.leftJoin('users as u', 'u.id', 'e.actor_id')
		.select(['e.id', 'e.kind', 'e.details', 'e.created_at', ...PERSON_COLUMNS])
		.where('e.ticket_id', '=', ticketId)
		.orderBy('e.created_at')
		.orderBy('e.id')
		.execute();
	return rows.map((row) => ({
		id: row.id,
		kind: row.kind,
		actor: toPerson(row),
		details: parseDetails(row.details),
		createdAt: date(row.created_at),
	}));
}

function parseDetails(value: unknown): Record<string, unknown> {
	// pg returns jsonb parsed; PGlite too, but be lenient with text.
	const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
	return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}
