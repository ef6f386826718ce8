import { expect, it } from 'vitest';
import { targetsReport } from '#server/tickets/report.ts';
import { ReportQuerySchema } from '#server/tickets/tickets.schema.ts';
import { mergeTickets } from '#server/tickets/merge.service.ts';
import { replyToTicket } from '#server/tickets/tickets.service.ts';
import { changeStatus } from '#server/tickets/workflow.service.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { at, makeCustomer, makeStaff, makeTicket } from '../../helpers/tickets.ts';

// NOTE: each backend gets a fresh database, so these are the only tickets in it.
describeEachDb('targets report', (use) => {
	it('counts, per week and severity, the tickets that met their targets', async () => {
		const db = use();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		// Week of Monday 23 Nov 2026 (MSK).
		const met = await makeTicket(db, customer, { severity: 3, at: '2026-11-24T10:00:00+03:00' });
		await at('2026-11-24T10:30:00+03:00', () =>
			replyToTicket(db, staff, { number: met.number, body: 'Hi' }),
		);
		await at('2026-11-25T10:00:00+03:00', () =>
			changeStatus(db, staff, { number: met.number, status: 'resolved' }),
		);
		const late = await makeTicket(db, customer, { severity: 3, at: '2026-11-24T11:00:00+03:00' });
		await at('2026-11-24T15:00:00+03:00', () =>
			replyToTicket(db, staff, { number: late.number, body: 'Late' }),
		);
		const urgentUnanswered = await makeTicket(db, customer, {
			severity: 1,
			at: '2026-11-29T23:00:00+03:00',
		});
		// Week of Monday 30 Nov: one ticket still within its target.
		await makeTicket(db, customer, { severity: 4, at: '2026-11-30T10:00:00+03:00' });
		// Merged tickets are not counted.
		const dup = await makeTicket(db, customer, { severity: 3, at: '2026-11-24T12:00:00+03:00' });
		await mergeTickets(db, staff, { number: dup.number, into: late.number });

		const report = await at('2026-11-30T10:30:00+03:00', () =>
			targetsReport(db, staff, ReportQuerySchema.parse({ period: 'week', periods: '2' })),
		);
		expect(report.periods.map((p) => p.label)).toEqual([
			'Week of 30 Nov 2026',
			'Week of 23 Nov 2026',
		]);
		const [thisWeek, lastWeek] = report.periods;
		if (!thisWeek || !lastWeek) throw new Error('expected two periods');
		const sev = (lines: typeof thisWeek.lines, s: number | 'all') =>
			lines.find((l) => l.severity === s)!;
		expect(sev(lastWeek.lines, 3)).toMatchObject({
			tickets: 2,
			firstResponse: { met: 1, missed: 1, open: 0, rate: 0.5 },
			resolution: { met: 1, missed: 0, open: 1, rate: 1 },
		});
		expect(sev(lastWeek.lines, 1)).toMatchObject({
			tickets: 1,
			firstResponse: { met: 0, missed: 1, open: 0 },
		});
		expect(sev(lastWeek.lines, 'all').tickets).toBe(3);
		expect(sev(thisWeek.lines, 4)).toMatchObject({
			tickets: 1,
			firstResponse: { met: 0, missed: 0, open: 1, rate: null },
		});
		expect(urgentUnanswered.number).toBeGreaterThan(0);
	});

	it('groups by calendar month in Moscow time', async () => {
		const db = use();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		// 1 Dec 00:30 MSK is still 30 Nov in UTC: it belongs to December.
		await makeTicket(db, customer, { severity: 4, at: '2026-12-01T00:30:00+03:00' });
		const report = await at('2026-12-02T12:00:00+03:00', () =>
			targetsReport(db, staff, ReportQuerySchema.parse({ period: 'month', periods: '1' })),
		);
		expect(report.periods[0]?.label).toBe('December 2026');
		expect(report.periods[0]?.lines.find((l) => l.severity === 'all')?.tickets).toBe(1);
	});
});
