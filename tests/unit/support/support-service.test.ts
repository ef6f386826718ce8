import { describe, expect, it } from 'vitest';
import { BadRequestError } from '#server/errors.ts';
import { supportSla, supportStatus } from '#server/support/support.service.ts';
import { defaultPolicy } from './fixtures.ts';

const policy = defaultPolicy();
const NOW = new Date('2026-11-26T09:15:00Z'); // Thursday 12:15 in Moscow

function query(params: Record<string, string>): URLSearchParams {
	return new URLSearchParams(params);
}

function badRequest(run: () => unknown): BadRequestError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(BadRequestError);
		return error as BadRequestError;
	}
	throw new Error('expected a BadRequestError');
}

describe('GET /api/support/status', () => {
	it('answers the exact shape for a given instant', () => {
		expect(supportStatus(policy, query({ at: '2026-11-27T17:30:00+03:00' }), NOW)).toEqual({
			at: '2026-11-27T14:30:00.000Z',
			timezone: 'Europe/Moscow',
			departments: {
				'customer-support': { open: false, closesAt: null, opensAt: '2026-11-30T04:00:00.000Z' },
				'technical-support': { open: false, closesAt: null, opensAt: '2026-11-30T05:00:00.000Z' },
			},
		});
	});

	it('reports closesAt for open departments, to the second', () => {
		const body = supportStatus(policy, query({ at: '2026-11-27T04:59:59Z' }), NOW);
		expect(body.departments).toEqual({
			'customer-support': { open: true, closesAt: '2026-11-27T14:00:00.000Z', opensAt: null },
			'technical-support': { open: false, closesAt: null, opensAt: '2026-11-27T05:00:00.000Z' },
		});
	});

	it('defaults to now without at', () => {
		const body = supportStatus(policy, query({}), NOW);
		expect(body.at).toBe('2026-11-26T09:15:00.000Z');
		expect(body.departments['technical-support']).toEqual({
			open: true,
			closesAt: '2026-11-26T14:00:00.000Z',
			opensAt: null,
		});
	});

	it('accepts any offset and reads an unencoded + that arrived as a space', () => {
		const plain = supportStatus(policy, query({ at: '2026-11-27T09:30:00-05:00' }), NOW);
		expect(plain.at).toBe('2026-11-27T14:30:00.000Z');
		const spaced = supportStatus(policy, new URLSearchParams('at=2026-11-27T17:30:00+03:00'), NOW);
		expect(spaced.at).toBe('2026-11-27T14:30:00.000Z');
	});

	it.each([
		['2026-11-27T17:30:00', 'no offset'],
		['2026-11-27', 'a date only'],
		['tomorrow', 'words'],
		['2026-13-01T10:00:00Z', 'month 13'],
		['', 'an empty value'],
	])('rejects %s (%s) with a message about at', (at) => {
		const error = badRequest(() => supportStatus(policy, query({ at }), NOW));
		expect(error.message).toMatch(/^at must be an ISO-8601 instant with an offset/);
		expect(Object.keys(error.details ?? {})).toEqual(['at']);
	});
});

describe('GET /api/support/sla', () => {
	it('answers the exact shape: Friday 17:30 Moscow, severity 3', () => {
		expect(
			supportSla(policy, query({ severity: '3', at: '2026-11-27T17:30:00+03:00' }), NOW),
		).toEqual({
			severity: 3,
			submittedAt: '2026-11-27T14:30:00.000Z',
			firstResponseDue: '2026-11-30T06:30:00.000Z',
			resolutionDue: '2026-12-04T15:00:00.000Z',
		});
	});

	it('keeps seconds: severity 1 is due exactly an hour later', () => {
		const body = supportSla(policy, query({ severity: '1', at: '2027-01-01T00:00:07Z' }), NOW);
		expect(body.firstResponseDue).toBe('2027-01-01T01:00:07.000Z');
		expect(body.resolutionDue).toBe('2027-01-15T15:00:00.000Z');
	});

	it('defaults to now without at', () => {
		expect(supportSla(policy, query({ severity: '2' }), NOW)).toMatchObject({
			submittedAt: '2026-11-26T09:15:00.000Z',
			firstResponseDue: '2026-11-26T10:15:00.000Z',
		});
	});

	it('rejects a missing severity', () => {
		const error = badRequest(() => supportSla(policy, query({}), NOW));
		expect(error.message).toBe('severity is required: 1, 2, 3 or 4');
		expect(error.code).toBe('BAD_REQUEST');
	});

	it.each(['0', '5', 'high', '3.0', '1,2'])('rejects severity %s', (severity) => {
		const error = badRequest(() => supportSla(policy, query({ severity }), NOW));
		expect(error.message).toBe(`severity must be 1, 2, 3 or 4; got '${severity}'`);
	});

	it('names both problems when severity and at are bad', () => {
		const error = badRequest(() => supportSla(policy, query({ severity: '9', at: 'soon' }), NOW));
		expect(Object.keys(error.details ?? {}).sort()).toEqual(['at', 'severity']);
	});
});
