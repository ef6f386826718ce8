import type { Selectable, Updateable } from 'kysely';
import type { Db } from '#server/db/schema.ts';
import type { TicketsTable } from '#server/db/schema.ts';
import type { Severity } from '#server/support/schedule.ts';
import type { Category, TicketStatus } from './tickets.schema.ts';

export interface TicketRef {
	id: string;
	number: number;
}

export interface Ticket {
	id: string;
	number: number;
	customerId: string;
	subject: string;
	body: string;
	severity: Severity;
	category: Category;
	siteUrl: string | null;
	status: TicketStatus;
	assigneeId: string | null;
	firstResponseDueAt: Date;
	resolutionDueAt: Date;
	firstRespondedAt: Date | null;
	resolvedAt: Date | null;
	closedAt: Date | null;
	possibleDuplicateOf: TicketRef | null;
	mergedInto: TicketRef | null;
	createdAt: Date;
	lastActivityAt: Date;
}

type TicketRow = Selectable<TicketsTable> & {
	duplicate_number: number | null;
	merged_number: number | null;
};

const date = (value: Date | string): Date => new Date(value);
const maybeDate = (value: Date | string | null): Date | null =>
	value === null ? null : new Date(value);

export function toTicket(row: TicketRow): Ticket {
	return {
		id: row.id,
		number: Number(row.number),
		customerId: row.customer_id,
		subject: row.subject,
		body: row.body,
		severity: Number(row.severity) as Severity,
		category: row.category as Category,
		siteUrl: row.site_url,
		status: row.status as TicketStatus,
		assigneeId: row.assignee_id,
		firstResponseDueAt: date(row.first_response_due_at),
		resolutionDueAt: date(row.resolution_due_at),
		firstRespondedAt: maybeDate(row.first_responded_at),
		resolvedAt: maybeDate(row.resolved_at),
		closedAt: maybeDate(row.closed_at),
		possibleDuplicateOf:
			row.possible_duplicate_of && row.duplicate_number !== null
				? { id: row.possible_duplicate_of, number: Number(row.duplicate_number) }
				: null,
		mergedInto:
			row.merged_into && row.merged_number !== null
				? { id: row.merged_into, number: Number(row.merged_number) }
				: null,
		createdAt: date(row.created_at),
		lastActivityAt: date(row.last_activity_at),
	};
}

export function selectTickets(db: Db) {
	return db
		.selectFrom('tickets as t')
		.leftJoin('tickets as dup', 'dup.id', 't.possible_duplicate_of')
		.leftJoin('tickets as merged', 'merged.id', 't.merged_into')
		.selectAll('t')
		.select(['dup.number as duplicate_number', 'merged.number as merged_number']);
}

export async function findTicketByNumber(db: Db, number: number): Promise<Ticket | undefined> {
	const row = await selectTickets(db).where('t.number', '=', number).executeTakeFirst();
	return row && toTicket(row);
}

export async function findTicketById(db: Db, id: string): Promise<Ticket | undefined> {
	const row = await selectTickets(db).where('t.id', '=', id).executeTakeFirst();
	return row && toTicket(row);
}

/** Locks the ticket row for the rest of the transaction (concurrent replies, merges). */
export async function lockTicket(db: Db, id: string): Promise<void> {
	await db.selectFrom('tickets').select('id').where('id', '=', id).forUpdate().execute();
}

export interface NewTicket extends Pick<
	Ticket,
	| 'customerId'
	| 'subject'
	| 'body'
	| 'severity'
	| 'category'
	| 'siteUrl'
	| 'firstResponseDueAt'
	| 'resolutionDueAt'
	| 'createdAt'
> {
	/** The id of the ticket it may duplicate. */
	possibleDuplicateOf: string | null;
}

export async function insertTicket(db: Db, values: NewTicket): Promise<Ticket> {
	const { id } = await db
		.insertInto('tickets')
		.values({
			customer_id: values.customerId,
			subject: values.subject,
			body: values.body,
			severity: values.severity,
			category: values.category,
			site_url: values.siteUrl,
			status: 'new',
			first_response_due_at: values.firstResponseDueAt,
			resolution_due_at: values.resolutionDueAt,
			possible_duplicate_of: values.possibleDuplicateOf,
			created_at: values.createdAt,
			last_activity_at: values.createdAt,
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const ticket = await findTicketById(db, id);
	if (!ticket) throw new Error(`Ticket ${id} vanished after insert`);
	return ticket;
}

export interface TicketPatch {
	status?: TicketStatus;
	severity?: Severity;
	assigneeId?: string | null;
	firstResponseDueAt?: Date;
	resolutionDueAt?: Date;
	firstRespondedAt?: Date | null;
	resolvedAt?: Date | null;
	closedAt?: Date | null;
	mergedInto?: string | null;
	lastActivityAt?: Date;
}

export async function updateTicket(db: Db, id: string, patch: TicketPatch): Promise<void> {
	const set: Updateable<TicketsTable> = {};
	if (patch.status !== undefined) set.status = patch.status;
	if (patch.severity !== undefined) set.severity = patch.severity;
	if (patch.assigneeId !== undefined) set.assignee_id = patch.assigneeId;
	if (patch.firstResponseDueAt !== undefined) set.first_response_due_at = patch.firstResponseDueAt;
	if (patch.resolutionDueAt !== undefined) set.resolution_due_at = patch.resolutionDueAt;
	if (patch.firstRespondedAt !== undefined) set.first_responded_at = patch.firstRespondedAt;
	if (patch.resolvedAt !== undefined) set.resolved_at = patch.resolvedAt;
	if (patch.closedAt !== undefined) set.closed_at = patch.closedAt;
	if (patch.mergedInto !== undefined) set.merged_into = patch.mergedInto;
	if (patch.lastActivityAt !== undefined) set.last_activity_at = patch.lastActivityAt;
	if (Object.keys(set).length === 0) return;
	await db.updateTable('tickets').set(set).where('id', '=', id).execute();
}

export interface CustomerTicketRow {
	ticket: Ticket;
	/** Public messages (staff replies and the customer's own), for the list. */
	messageCount: number;
}

/** A customer's own tickets, most recent activity first. */
export async function listTicketsOfCustomer(
	db: Db,
	customerId: string,
): Promise<CustomerTicketRow[]> {
	const rows = await selectTickets(db)
		.select((eb) =>
			eb
				.selectFrom('ticket_messages as m')
				.select((m) => m.fn.countAll<number>().as('n'))
				.whereRef('m.ticket_id', '=', 't.id')
				.where('m.internal', '=', false)
				.as('message_count'),
		)
		.where('t.customer_id', '=', customerId)
		.orderBy('t.last_activity_at', 'desc')
		.orderBy('t.number', 'desc')
		.limit(500)
		.execute();
	return rows.map((row) => ({
		ticket: toTicket(row),
		messageCount: Number(row.message_count ?? 0),
	}));
}
