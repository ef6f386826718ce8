import { formatDateTime } from '#lib/dates.ts';
import type { Policy } from '#server/support/policy.schema.ts';
import { firstResponseText } from '#server/support/policy-text.ts';
import type { Severity } from '#server/support/schedule.ts';
import { formatDue, type TargetStanding } from './targets.ts';
import type { TicketEvent } from './messages.repo.ts';
import type { Ticket } from './tickets.repo.ts';

/** Words and times the ticket pages show, in the policy's zone ("MSK"). Pure. */

export interface SeverityOption {
	level: Severity;
	name: string;
	summary: string;
	examples: string[];
	/** "First response within 1 hour, day and night, every day of the year." */
	rule: string;
}

export function severityOptions(policy: Policy): SeverityOption[] {
	return [...policy.severities]
		.sort((a, b) => a.level - b.level)
		.map((s) => ({
			level: s.level,
			name: s.name,
			summary: s.summary,
			examples: s.examples,
			rule: firstResponseText(policy, s.level),
		}));
}

export function severityName(policy: Policy, level: Severity): string {
	return policy.severities.find((s) => s.level === level)?.name ?? '';
}

/** "27 Nov 2026, 17:30 MSK" */
export function formatWhen(policy: Policy, date: Date): string {
	return `${formatDateTime(date, policy.timezone)} ${policy.timezoneLabel}`;
}

export interface TargetLine {
	label: string;
	text: string;
	tone: 'ok' | 'warn' | 'danger' | 'neutral';
}

/** The two target lines of a ticket page: first response and resolution. */
export function targetLines(policy: Policy, ticket: Ticket, s: TargetStanding): TargetLine[] {
	const firstDue = formatDue(policy, ticket.firstResponseDueAt);
	const resolveDue = formatDue(policy, ticket.resolutionDueAt);
	const first: TargetLine = ticket.firstRespondedAt
		? {
				label: 'First response',
				text: `answered ${formatDue(policy, ticket.firstRespondedAt)} (${s.firstResponse === 'met' ? 'on time' : `target was ${firstDue}`})`,
				tone: s.firstResponse === 'met' ? 'ok' : 'warn',
			}
		: {
				label: 'First response due',
				text: s.firstResponse === 'overdue' ? `${firstDue} (overdue)` : firstDue,
				tone: s.firstResponse === 'overdue' ? 'danger' : 'neutral',
			};
	const resolution: TargetLine =
		s.resolution === 'met' || s.resolution === 'missed'
			? {
					label: 'Resolution',
					text:
						s.resolution === 'met'
							? `within the target (${resolveDue})`
							: `after the target (${resolveDue})`,
					tone: s.resolution === 'met' ? 'ok' : 'warn',
				}
			: {
					label: 'Resolution due',
					text: s.resolution === 'overdue' ? `${resolveDue} (overdue)` : resolveDue,
					tone: s.resolution === 'overdue' ? 'danger' : 'neutral',
				};
	return [first, resolution];
}

/** One line of a ticket's history, e.g. "severity 3 → 1, targets recomputed". */
export function eventText(event: Pick<TicketEvent, 'kind' | 'details'>): string {
	const d = event.details;
	const text = (value: unknown): string =>
		typeof value === 'string' || typeof value === 'number' ? String(value) : '?';
	switch (event.kind) {
		case 'created':
			return `opened (severity ${text(d.severity)})${d.possibleDuplicateOf ? `, looks like #${text(d.possibleDuplicateOf)}` : ''}`;
		case 'status':
			return `status ${text(d.from)} → ${text(d.to)}${d.reopened ? ' (reopened)' : ''}`;
		case 'severity':
			return `severity ${text(d.from)} → ${text(d.to)}, targets recomputed`;
		case 'assigned':
			return `assigned to ${d.name ? text(d.name) : 'nobody'}`;
		case 'first_response':
			return `first response (${d.met ? 'on time' : 'late'})`;
		case 'merged':
			return `merged into #${text(d.into)}`;
		case 'merged_in':
			return `#${text(d.from)} merged in`;
		default:
			return event.kind;
	}
}
