import { formatDuration, formatInZone } from '#lib/dates.ts';
import type { Policy } from '#server/support/policy.schema.ts';
import { firstResponseDue, resolutionDue, type Severity } from '#server/support/schedule.ts';
import type { TicketStatus } from './tickets.schema.ts';

/**
 * Response and resolution targets of tickets: computing them from the support policy, and
 * saying where a ticket stands against them at a given instant. Pure: callers pass the
 * policy and "now".
 */

export interface Targets {
	firstResponseDueAt: Date;
	resolutionDueAt: Date;
}

/** Targets of a ticket of `severity` that arrived at `arrivedAt`. */
export function computeTargets(policy: Policy, severity: Severity, arrivedAt: Date): Targets {
	return {
		firstResponseDueAt: firstResponseDue(policy, severity, arrivedAt),
		resolutionDueAt: resolutionDue(policy, arrivedAt),
	};
}

/** The clock-relevant part of a ticket. */
export interface TargetFields {
	status: TicketStatus;
	firstResponseDueAt: Date;
	resolutionDueAt: Date;
	firstRespondedAt: Date | null;
	resolvedAt: Date | null;
	closedAt: Date | null;
}

export type TargetState = 'pending' | 'met' | 'missed' | 'overdue' | 'stopped';

export interface TargetStanding {
	firstResponse: TargetState;
	resolution: TargetState;
	/** A target passed without being met: the ticket is flagged in the queue. */
	flagged: boolean;
}

/**
 * Where a ticket stands at `now`:
 * - first response: met/missed once staff answered, else overdue or pending;
 * - resolution: met/missed once resolved (or closed), else overdue or pending.
 * A ticket closed without a staff reply has its first-response clock `stopped`.
 */
export function standing(ticket: TargetFields, now: Date): TargetStanding {
	const at = now.getTime();
	let firstResponse: TargetState;
	if (ticket.firstRespondedAt) {
		firstResponse = ticket.firstRespondedAt <= ticket.firstResponseDueAt ? 'met' : 'missed';
	} else if (ticket.status === 'closed' || ticket.status === 'resolved') {
		firstResponse = 'stopped';
	} else {
		firstResponse = at > ticket.firstResponseDueAt.getTime() ? 'overdue' : 'pending';
	}
	const doneAt = ticket.resolvedAt ?? ticket.closedAt;
	let resolution: TargetState;
	if (doneAt && (ticket.status === 'resolved' || ticket.status === 'closed')) {
		resolution = doneAt <= ticket.resolutionDueAt ? 'met' : 'missed';
	} else {
		resolution = at > ticket.resolutionDueAt.getTime() ? 'overdue' : 'pending';
	}
	return {
		firstResponse,
		resolution,
		flagged: firstResponse === 'overdue' || resolution === 'overdue',
	};
}

export type BadgeTone = 'ok' | 'warn' | 'danger' | 'neutral';

export interface DueBadge {
	/** "due in 20 min", "overdue 2 h", "resolve in 3 days", "resolution overdue 1 day". */
	text: string;
	tone: BadgeTone;
	/** Which clock the badge is about. */
	clock: 'first-response' | 'resolution' | 'none';
}

const SOON_MS = 60 * 60_000;

/** The one badge the queue shows for a ticket: the clock that is running now. */
export function dueBadge(ticket: TargetFields, now: Date): DueBadge {
	if (ticket.status === 'resolved' || ticket.status === 'closed') {
		return {
			text: ticket.status === 'resolved' ? 'resolved' : 'closed',
			tone: 'neutral',
			clock: 'none',
		};
	}
	const at = now.getTime();
	if (!ticket.firstRespondedAt) {
		const left = ticket.firstResponseDueAt.getTime() - at;
		if (left < 0)
			return { text: `overdue ${formatDuration(-left)}`, tone: 'danger', clock: 'first-response' };
		return {
			text: `due in ${formatDuration(left)}`,
			tone: left <= SOON_MS ? 'warn' : 'ok',
			clock: 'first-response',
		};
	}
	const left = ticket.resolutionDueAt.getTime() - at;
	if (left < 0) {
		return {
			text: `resolution overdue ${formatDuration(-left)}`,
			tone: 'danger',
			clock: 'resolution',
		};
	}
	return { text: `resolve in ${formatDuration(left)}`, tone: 'ok', clock: 'resolution' };
}

/** "Mon 30 Nov, 09:30 MSK": a due time in the policy's zone. */
export function formatDue(policy: Policy, date: Date): string {
	const text = formatInZone(date, policy.timezone, {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		hour: '2-digit',
		minute: '2-digit',
	});
	return `${text} ${policy.timezoneLabel}`;
}

/** Days a customer may reopen a resolved ticket. */
export const REOPEN_DAYS = 14;

/** Whether a ticket resolved at `resolvedAt` may still be reopened at `now`. */
export function canReopenAt(resolvedAt: Date | null, now: Date): boolean {
	if (!resolvedAt) return false;
	return now.getTime() - resolvedAt.getTime() <= REOPEN_DAYS * 24 * 60 * 60_000;
}
