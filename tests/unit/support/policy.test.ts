import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy, parsePolicy, PolicyError } from '#server/support/policy.ts';
import { POLICY_PATH } from './fixtures.ts';

const source = readFileSync(POLICY_PATH, 'utf8');

/** The shipped YAML with one textual replacement, which must apply. */
function edited(from: string, to: string): string {
	if (!source.includes(from)) throw new Error(`fixture text not found: ${from}`);
	return source.replace(from, to);
}

function errorOf(yaml: string): string {
	try {
		parsePolicy(yaml);
	} catch (error) {
		expect(error).toBeInstanceOf(PolicyError);
		return (error as Error).message;
	}
	throw new Error('expected the policy to be rejected');
}

describe('support policy file', () => {
	it('loads the shipped defaults from the seed', () => {
		const policy = loadPolicy(POLICY_PATH);
		expect(policy.timezone).toBe('Europe/Moscow');
		expect(policy.calendar.workingWeekdays).toEqual([1, 2, 3, 4, 5]);
		expect(policy.calendar.extraDaysOff).toEqual([]);
		expect(policy.calendar.extraWorkingDays).toEqual([]);
		expect(policy.departments.map((d) => [d.id, d.hours])).toEqual([
			['customer-support', { opens: '07:00', closes: '17:00' }],
			['technical-support', { opens: '08:00', closes: '17:00' }],
		]);
		expect(policy.responseWindow.hours).toEqual({ opens: '09:00', closes: '18:00' });
		expect(policy.resolution).toMatchObject({ workingDays: 5, time: '18:00' });
	});

	it('names the bad key of a malformed time', () => {
		expect(errorOf(edited("opens: '07:00'", "opens: '7am'"))).toBe(
			'support-policy.yaml: departments.0.hours.opens: expected HH:MM',
		);
	});

	it('rejects hours that close before they open', () => {
		expect(errorOf(edited("closes: '17:00' }", "closes: '06:00' }"))).toMatch(
			/^support-policy\.yaml: departments\.0\.hours\.closes: must be later than opens/,
		);
	});

	it('rejects an unknown time zone', () => {
		expect(errorOf(edited('timezone: Europe/Moscow', 'timezone: Mars/Olympus'))).toMatch(
			/^support-policy\.yaml: timezone: expected an IANA time zone/,
		);
	});

	it('rejects impossible dates in the calendar', () => {
		expect(errorOf(edited("{ from: '02-23',", "{ from: '02-30',"))).toMatch(
			/^support-policy\.yaml: calendar\.holidays\.1\.from: expected MM-DD/,
		);
		expect(errorOf(edited('extraDaysOff: []', "extraDaysOff: ['2027-02-29']"))).toMatch(
			/^support-policy\.yaml: calendar\.extraDaysOff\.0: expected YYYY-MM-DD/,
		);
	});

	it('rejects a date listed both as a day off and as a working day', () => {
		const yaml = edited('extraDaysOff: []', "extraDaysOff: ['2027-01-09']").replace(
			'extraWorkingDays: []',
			"extraWorkingDays: ['2027-01-09']",
		);
		expect(errorOf(yaml)).toBe(
			'support-policy.yaml: calendar.extraWorkingDays.0: 2027-01-09 is also listed in extraDaysOff',
		);
	});

	it('names misspelt keys', () => {
		expect(errorOf(edited('  workingWeekdays:', '  workingWeekday:'))).toContain(
			'support-policy.yaml: calendar: ',
		);
		expect(errorOf(edited('  workingWeekdays:', '  workingWeekday:'))).toContain('workingWeekday');
	});

	it('says which key is missing', () => {
		expect(errorOf(edited('    channel:\n', '    contact:\n'))).toContain(
			'support-policy.yaml: departments.0.channel: is required',
		);
	});

	it('requires every severity and both departments exactly once', () => {
		expect(errorOf(edited('  - level: 4', '  - level: 3'))).toContain(
			'support-policy.yaml: severities: must list severity 4 exactly once (found 0)',
		);
		expect(errorOf(edited('  - id: technical-support', '  - id: customer-support'))).toContain(
			'support-policy.yaml: departments: must list department technical-support exactly once',
		);
	});

	it('rejects an unknown first-response rule', () => {
		expect(errorOf(edited('rule: around-the-clock', 'rule: whenever'))).toMatch(
			/^support-policy\.yaml: severities\.0\.firstResponse\.rule: /,
		);
	});

	it('reports YAML syntax errors with the file name', () => {
		expect(errorOf('timezone: [unclosed')).toMatch(/^support-policy\.yaml: not valid YAML/);
	});

	it('names the file it could not read', () => {
		const dir = mkdtempSync(join(tmpdir(), 'policy-'));
		try {
			expect(() => loadPolicy(join(dir, 'missing.yaml'))).toThrow(/^missing\.yaml: cannot read/);
			writeFileSync(join(dir, 'support-policy.yaml'), edited("closes: '18:00'", "closes: '25:00'"));
			expect(() => loadPolicy(join(dir, 'support-policy.yaml'))).toThrow(
				'support-policy.yaml: responseWindow.hours.closes: expected HH:MM',
			);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
