import { userAction } from '#web/actions.ts';
import { mergeTickets } from '#server/tickets/merge.service.ts';
import {
	AssignSchema,
	ChangeSeveritySchema,
	ChangeStatusSchema,
	CreateTicketSchema,
	MergeSchema,
	NoteSchema,
	ReplySchema,
	TicketRefSchema,
} from '#server/tickets/tickets.schema.ts';
import {
	addInternalNote,
	closeTicket,
	createTicket,
	reopenTicket,
	replyToTicket,
} from '#server/tickets/tickets.service.ts';
import { assignTicket, changeSeverity, changeStatus } from '#server/tickets/workflow.service.ts';

export const tickets = {
	create: userAction(CreateTicketSchema, async (db, user, input) => ({
		number: (await createTicket(db, user, input)).number,
	})),

	reply: userAction(ReplySchema, async (db, user, input) => ({
		number: (await replyToTicket(db, user, input)).number,
	})),

	note: userAction(NoteSchema, async (db, user, input) => {
		await addInternalNote(db, user, input);
		return { number: input.number };
	}),

	close: userAction(TicketRefSchema, async (db, user, input) => ({
		number: (await closeTicket(db, user, input)).number,
	})),

	reopen: userAction(TicketRefSchema, async (db, user, input) => ({
		number: (await reopenTicket(db, user, input)).number,
	})),

	setStatus: userAction(ChangeStatusSchema, async (db, user, input) => ({
		number: (await changeStatus(db, user, input)).number,
	})),

	setSeverity: userAction(ChangeSeveritySchema, async (db, user, input) => ({
		number: (await changeSeverity(db, user, input)).number,
	})),

	assign: userAction(AssignSchema, async (db, user, input) => ({
		number: (await assignTicket(db, user, input)).number,
	})),

	merge: userAction(MergeSchema, async (db, user, input) => ({
		number: (await mergeTickets(db, user, input)).into.number,
	})),
};
