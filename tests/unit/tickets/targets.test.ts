import { describe, expect, it } from 'vitest';
import { loadPolicy } from '#server/support/policy.ts';
import {
	canReopenAt,
	dueBadge,
	formatDue,
	standing,
	type TargetFields,
} from '#server/tickets/targets.ts';

const policy = loadPolicy();
const at = (iso: string) => new Date(iso);

function ticket(overrides: Partial<TargetFields> = {}): TargetFields {
	return {
		status: 'new',
		firstResponseDueAt: at('2026-11-30T09:30:00+03:00'),
		resolutionDueAt: at('2026-12-04T18:00:00+03:00'),
		firstRespondedAt: null,
		resolvedAt: null,
		closedAt: null,
		...overrides,
	};
}

describe('due badge', () => {
	it('counts down to the first response', () => {
		expect(dueBadge(ticket(), at('2026-11-30T09:10:00+03:00'))).toEqual({
			text: 'due in 20 min',
			tone: 'warn',
			clock: 'first-response',
		});
		expect(dueBadge(ticket(), at('2026-11-27T17:30:00+03:00'))).toMatchObject({
			text: 'due in 2 days 16 h',
			tone: 'ok',
		});
	});

	it('says how long the first response is overdue', () => {
		expect(dueBadge(ticket(), at('2026-11-30T11:40:00+03:00'))).toEqual({
			text: 'overdue 2 h 10 min',
			tone: 'danger',
			clock: 'first-response',
		});
	});

	it('switches to the resolution clock once staff answered', () => {
		const answered = ticket({ status: 'open', firstRespondedAt: at('2026-11-30T09:00:00+03:00') });
		expect(dueBadge(answered, at('2026-12-04T16:00:00+03:00'))).toMatchObject({
			text: 'resolve in 2 h',
			clock: 'resolution',
		});
		expect(dueBadge(answered, at('2026-12-05T18:00:00+03:00'))).toMatchObject({
			text: 'resolution overdue 1 day',
			tone: 'danger',
		});
	});

	it('shows no clock for resolved and closed tickets', () => {
		expect(dueBadge(ticket({ status: 'closed' }), at('2027-01-01T00:00:00Z')).clock).toBe('none');
	});
});

describe('standing against the targets', () => {
	it('flags overdue tickets and judges answered ones', () => {
		expect(standing(ticket(), at('2026-11-30T09:31:00+03:00'))).toEqual({
			firstResponse: 'overdue',
			resolution: 'pending',
			flagged: true,
		});
		const late = ticket({ status: 'open', firstRespondedAt: at('2026-11-30T10:00:00+03:00') });
		expect(standing(late, at('2026-11-30T10:00:00+03:00'))).toMatchObject({
			firstResponse: 'missed',
			flagged: false,
		});
	});

	it('judges the resolution when the ticket is resolved or closed', () => {
		const resolved = ticket({ status: 'resolved', resolvedAt: at('2026-12-04T17:59:00+03:00') });
		expect(standing(resolved, at('2026-12-10T00:00:00Z')).resolution).toBe('met');
		const closedLate = ticket({ status: 'closed', closedAt: at('2026-12-04T18:01:00+03:00') });
		expect(standing(closedLate, at('2026-12-10T00:00:00Z'))).toMatchObject({
			resolution: 'missed',
			firstResponse: 'stopped',
		});
	});
});

describe('due times and reopening', () => {
	it('formats due times in Moscow time', () => {
		expect(formatDue(policy, at('2026-11-30T06:30:00Z'))).toBe('Mon 30 Nov, 09:30 MSK');
	});

	it('allows reopening for exactly 14 days after the resolution', () => {
		const resolvedAt = at('2026-11-30T10:00:00+03:00');
		expect(canReopenAt(resolvedAt, at('2026-12-14T10:00:00+03:00'))).toBe(true);
		expect(canReopenAt(resolvedAt, at('2026-12-14T10:00:01+03:00'))).toBe(false);
		expect(canReopenAt(null, resolvedAt)).toBe(false);
	});
});
