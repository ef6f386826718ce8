import { config } from '#server/config.ts';
import type { Db } from '#server/db/schema.ts';
import { sendMail } from '#server/mail/mail.service.ts';
import { notify } from '#server/notifications/notifications.service.ts';
import { renderMarkdown } from '#server/markdown/render.ts';
import { getPolicy } from '#server/support/policy.ts';
import { listUsersByRole } from '#server/users/users.repo.ts';
import { formatDue } from './targets.ts';
import type { Ticket } from './tickets.repo.ts';
import { STATUS_LABELS, type TicketStatus } from './tickets.schema.ts';
import { escapeHtml } from '#lib/text.ts';

/**
 * What the ticket desk tells people: e-mails (a row in the mail outbox, written with the
 * caller's `trx`; the caller kicks delivery after the commit) and, for customers, an in-site
 * notification about the same event.
 */

export interface Recipient {
	id: string;
	email: string;
	displayName: string;
}

/** `subjectKey` of a ticket's notifications; the ticket page marks them read. */
export function ticketSubjectKey(ticketId: string): string {
	return `ticket:${ticketId}`;
}

async function notifyCustomer(
	db: Db,
	ticket: Pick<Ticket, 'id' | 'number'>,
	customer: Recipient,
	kind: string,
	title: string,
): Promise<void> {
	await notify(db, {
		userId: customer.id,
		kind,
		title,
		url: `/tickets/${ticket.number}#latest`,
		subjectKey: ticketSubjectKey(ticket.id),
	});
}

/** An absolute link when SITE_URL is set, else the path (mail readers then show the text). */
export function ticketLink(number: number): string {
	const path = `/tickets/${number}`;
	const site = config().siteUrl;
	return site ? new URL(path, site).href : path;
}

function tag(ticket: Pick<Ticket, 'number' | 'subject'>): string {
	return `[#${ticket.number}] ${ticket.subject}`;
}

function footer(ticket: Pick<Ticket, 'number'>): { text: string; html: string } {
	const link = ticketLink(ticket.number);
	return {
		text: `\n\n--\nOpen the ticket: ${link}\nOpenTrade Commerce technical support`,
		html: `<hr><p>Open the ticket: <a href="${escapeHtml(link)}">${escapeHtml(link)}</a><br>OpenTrade Commerce technical support</p>`,
	};
}

/** To the customer: staff answered on their ticket. */
export async function mailStaffReply(
	db: Db,
	ticket: Ticket,
	customer: Recipient,
	staff: { displayName: string },
	body: string,
): Promise<void> {
	const end = footer(ticket);
	await sendMail(db, {
		to: customer.email,
		subject: `Re: ${tag(ticket)}`,
		text: `Hello ${customer.displayName},\n\n${staff.displayName} replied to your ticket #${ticket.number}:\n\n${body}${end.text}`,
		html: `<p>Hello ${escapeHtml(customer.displayName)},</p><p>${escapeHtml(staff.displayName)} replied to your ticket #${ticket.number}:</p><blockquote>${renderMarkdown(body)}</blockquote>${end.html}`,
	});
	await notifyCustomer(
		db,
		ticket,
		customer,
		'ticket.reply',
		`${staff.displayName} replied on #${ticket.number}: ${ticket.subject}`,
	);
}

/** To the customer: the status of their ticket changed. */
export async function mailStatusChange(
	db: Db,
	ticket: Ticket,
	customer: Recipient,
	status: TicketStatus,
): Promise<void> {
	const end = footer(ticket);
	const label = STATUS_LABELS[status];
	const extra =
		status === 'resolved'
			? ' If the problem is not solved, you can reopen the ticket within 14 days.'
			: status === 'waiting'
				? ' We need more information from you: please reply on the ticket.'
				: '';
	await sendMail(db, {
		to: customer.email,
		subject: `${label}: ${tag(ticket)}`,
		text: `Hello ${customer.displayName},\n\nThe status of your ticket #${ticket.number} is now: ${label}.${extra}${end.text}`,
		html: `<p>Hello ${escapeHtml(customer.displayName)},</p><p>The status of your ticket #${ticket.number} is now: <strong>${label}</strong>.${escapeHtml(extra)}</p>${end.html}`,
	});
	await notifyCustomer(
		db,
		ticket,
		customer,
		'ticket.status',
		`#${ticket.number} is now ${label.toLowerCase()}: ${ticket.subject}`,
	);
}

/** To the customer: ticket `from` continues in ticket `into`. */
export async function mailMerged(
	db: Db,
	from: Ticket,
	into: Ticket,
	customer: Recipient,
): Promise<void> {
	const end = footer(into);
	await sendMail(db, {
		to: customer.email,
		subject: `Merged into #${into.number}: ${tag(from)}`,
		text: `Hello ${customer.displayName},\n\nYour ticket #${from.number} ("${from.subject}") is about the same problem as #${into.number} ("${into.subject}"), so we merged the two conversations into #${into.number}. Please continue there.${end.text}`,
		html: `<p>Hello ${escapeHtml(customer.displayName)},</p><p>Your ticket #${from.number} (“${escapeHtml(from.subject)}”) is about the same problem as #${into.number} (“${escapeHtml(into.subject)}”), so we merged the two conversations into #${into.number}. Please continue there.</p>${end.html}`,
	});
	await notifyCustomer(
		db,
		into,
		customer,
		'ticket.merged',
		`#${from.number} was merged into #${into.number}: ${into.subject}`,
	);
}

/** To every staff member: an urgent (Severity 1 or 2) ticket arrived. Returns how many were queued. */
export async function mailUrgentTicket(
	db: Db,
	ticket: Ticket,
	customer: Recipient,
): Promise<number> {
	const staff = await listUsersByRole(db, ['staff', 'admin']);
	const policy = getPolicy();
	const due = formatDue(policy, ticket.firstResponseDueAt);
	const end = footer(ticket);
	for (const member of staff) {
		await sendMail(db, {
			to: member.email,
			subject: `Severity ${ticket.severity}: ${tag(ticket)}`,
			text: `A Severity ${ticket.severity} ticket arrived from ${customer.displayName} <${customer.email}>.\nFirst response due: ${due}.\n\n${ticket.subject}\n\n${ticket.body}${end.text}`,
			html: `<p>A Severity ${ticket.severity} ticket arrived from ${escapeHtml(customer.displayName)} &lt;${escapeHtml(customer.email)}&gt;.<br>First response due: <strong>${escapeHtml(due)}</strong>.</p><h2>${escapeHtml(ticket.subject)}</h2>${renderMarkdown(ticket.body)}${end.html}`,
		});
	}
	return staff.length;
}
