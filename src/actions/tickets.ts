import { defineAction } from './define-action.ts';
import { requireUser } from '#server/auth/guards.ts';
import { getDb } from '#server/app.ts';
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
import { asAction } from './as-action.ts';

export const tickets = {
	create: defineAction({
		accept: 'form',
		input: CreateTicketSchema,
		handler: (input, { locals }) =>
			asAction(async () => {
				const ticket = await createTicket(await getDb(), requireUser(locals), input);
				return { number: ticket.number };
			}),
	}),

	reply: defineAction({
		accept: 'form',
		input: ReplySchema,
		handler: (input, { locals }) =>
			asAction(async () => {
				const ticket = await replyToTicket(await getDb(), requireUser(locals), input);
				return { number: ticket.number };
			}),
	}),

	note: defineAction({
		accept: 'form',
		input: NoteSchema,
		handler: (input, { locals }) =>
			asAction(async () => {
				await addInternalNote(await getDb(), requireUser(locals), input);
				return { number: input.number };
			}),
	}),

	close: defineAction({
		accept: 'form',
		input: TicketRefSchema,
		handler: (input, { locals }) =>
			asAction(async () => {
				const ticket = await closeTicket(await getDb(), requireUser(locals), input);
				return { number: ticket.number };
			}),
	}),

	reopen: defineAction({
		accept: 'form',
		input: TicketRefSchema,
		handler: (input, { locals }) =>
			asAction(async () => {
				const ticket = await reopenTicket(await getDb(), requireUser(locals), input);
				return { number: ticket.number };
			}),
	}),

	setStatus: defineAction({
		accept: 'form',
		input: ChangeStatusSchema,
		handler: (input, { locals }) =>
			asAction(async () => {
				const ticket = await changeStatus(await getDb(), requireUser(locals), input);
				return { number: ticket.number };
			}),
	}),

	setSeverity: defineAction({
		accept: 'form',
		input: ChangeSeveritySchema,
		handler: (input, { locals }) =>
			asAction(async () => {
				const ticket = await changeSeverity(await getDb(), requireUser(locals), input);
				return { number: ticket.number };
			}),
	}),

	assign: defineAction({
		accept: 'form',
		input: AssignSchema,
		handler: (input, { locals }) =>
			asAction(async () => {
				const ticket = await assignTicket(await getDb(), requireUser(locals), input);
				return { number: ticket.number };
			}),
	}),

	merge: defineAction({
		accept: 'form',
		input: MergeSchema,
		handler: (input, { locals }) =>
			asAction(async () => {
				const { into } = await mergeTickets(await getDb(), requireUser(locals), input);
				return { number: into.number };
			}),
	}),
};
