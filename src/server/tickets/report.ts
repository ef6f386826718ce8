import { DateTime } from 'luxon';
import { requireRole } from '#server/auth/guards.ts';
import type { SessionUser } from '#server/auth/sessions.ts';
import { now } from '#server/clock.ts';
import type { Db } from '#server/db/schema.ts';
import { getPolicy } from '#server/support/policy.ts';
import { SEVERITIES, type Severity } from '#server/support/policy.schema.ts';
import { standing, type TargetFields, type TargetState } from './targets.ts';
import type { ReportQuery, TicketStatus } from './tickets.schema.ts';

/**
 * "How many tickets met their targets", per week or month (in the policy's zone) and severity.
 * A ticket counts in the period it arrived in. Merged tickets are left out (their conversation
 * lives on in the ticket they were merged into). The verdicts are the queue's (`standing`).
 */

export interface Tally {
	met: number;
	missed: number;
	/** Not decided yet: still within the target, or overdue but not answered/resolved. */
	open: number;
	/** Met / (met + missed), or null when nothing was decided. */
	rate: number | null;
}

export interface ReportLine {
	severity: Severity | 'all';
	tickets: number;
	firstResponse: Tally;
	resolution: Tally;
}

export interface ReportPeriod {
	start: Date;
	label: string;
	lines: ReportLine[];
}

export interface TargetsReport {
	period: 'week' | 'month';
	zone: string;
	at: Date;
	periods: ReportPeriod[];
}

function tally(states: TargetState[]): Tally {
	const met = states.filter((s) => s === 'met').length;
	const missed = states.filter((s) => s === 'missed').length;
	// An overdue ticket has missed already, even if not answered yet.
	const overdue = states.filter((s) => s === 'overdue').length;
	const decided = met + missed + overdue;
	return {
		met,
		missed: missed + overdue,
		open: states.length - decided,
		rate: decided === 0 ? null : met / decided,
	};
}

function line(severity: Severity | 'all', tickets: TargetFields[], at: Date): ReportLine {
	const standings = tickets.map((t) => standing(t, at));
	return {
		severity,
		tickets: tickets.length,
		firstResponse: tally(standings.map((s) => s.firstResponse)),
		resolution: tally(standings.map((s) => s.resolution)),
	};
}

/**
 * The report for the last `query.periods` weeks or months up to `now()`.
 * @throws ForbiddenError for non-staff.
 */
export async function targetsReport(
	db: Db,
	user: SessionUser,
	query: ReportQuery,
): Promise<TargetsReport> {
	requireRole(user, 'staff');
	const at = now();
	const zone = getPolicy().timezone;
	const unit = query.period;
	const current = DateTime.fromJSDate(at, { zone }).startOf(unit);
	const starts = Array.from({ length: query.periods }, (_, i) => current.minus({ [unit]: i }));
	const from = starts[starts.length - 1] ?? current;
	const rows = await db
		.selectFrom('tickets')
		.select([
			'severity',
			'status',
			'created_at',
			'first_response_due_at',
			'resolution_due_at',
			'first_responded_at',
			'resolved_at',
			'closed_at',
		])
		.where('merged_into', 'is', null)
		.where('created_at', '>=', from.toJSDate())
		.where('created_at', '<', current.plus({ [unit]: 1 }).toJSDate())
		.execute();
	const buckets = new Map<number, { severity: Severity; fields: TargetFields }[]>();
	for (const row of rows) {
		const key = DateTime.fromJSDate(new Date(row.created_at), { zone }).startOf(unit).toMillis();
		const list = buckets.get(key) ?? [];
		list.push({
			severity: Number(row.severity) as Severity,
			fields: {
				status: row.status as TicketStatus,
				firstResponseDueAt: new Date(row.first_response_due_at),
				resolutionDueAt: new Date(row.resolution_due_at),
				firstRespondedAt: row.first_responded_at ? new Date(row.first_responded_at) : null,
				resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null,
				closedAt: row.closed_at ? new Date(row.closed_at) : null,
			},
		});
		buckets.set(key, list);
	}
	return {
		period: unit,
		zone,
		at,
		periods: starts.map((start) => {
			const tickets = buckets.get(start.toMillis()) ?? [];
			return {
				start: start.toJSDate(),
				label:
					unit === 'week' ? `Week of ${start.toFormat('d LLL yyyy')}` : start.toFormat('LLLL yyyy'),
				lines: [
					...SEVERITIES.map((s) =>
						line(
							s,
							tickets.filter((t) => t.severity === s).map((t) => t.fields),
							at,
						),
					),
					line(
						'all',
						tickets.map((t) => t.fields),
						at,
					),
				],
			};
		}),
	};
}
