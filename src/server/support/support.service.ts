import { DateTime } from 'luxon';
import { BadRequestError } from '../errors.ts';
import { SEVERITIES, type Department, type Policy, type Severity } from './policy.schema.ts';
import { firstResponseDue, resolutionDue, statusAt } from './schedule.ts';

/** Body of `GET /api/support/status`. Instants are ISO-8601 in UTC (`...Z`). */
export interface StatusResponse {
	at: string;
	timezone: string;
	departments: Record<
		Department,
		{ open: boolean; closesAt: string | null; opensAt: string | null }
	>;
}

/** Body of `GET /api/support/sla`. */
export interface SlaResponse {
	severity: Severity;
	submittedAt: string;
	firstResponseDue: string;
	resolutionDue: string;
}

// Extended or basic ISO-8601 date-time that ends in an explicit offset.
const ISO_INSTANT =
	/^\d{4}-?\d{2}-?\d{2}T\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
// NOTE: an unencoded `+03:00` in a query string arrives as ` 03:00` (`+` means space in
// application/x-www-form-urlencoded); read it as the plus sign it almost surely was.
const PLUS_AS_SPACE = /^(.+T[\d:.,]+) (\d{2}(?::?\d{2})?)$/;

const AT_HINT = 'e.g. 2026-11-27T17:30:00+03:00 or 2026-11-27T14:30:00Z';

type Issues = Record<string, string>;

function truncate(value: string): string {
	return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

function readInstant(params: URLSearchParams, now: Date, issues: Issues): Date | undefined {
	const raw = params.get('at');
	if (raw === null) return now;
	const value = raw.trim().replace(PLUS_AS_SPACE, '$1+$2');
	if (value === '') {
		issues.at = `at must be an ISO-8601 instant with an offset (${AT_HINT}), or left out for now`;
		return undefined;
	}
	const parsed = DateTime.fromISO(value, { setZone: true });
	if (!ISO_INSTANT.test(value) || !parsed.isValid) {
		issues.at = `at must be an ISO-8601 instant with an offset (${AT_HINT}); got '${truncate(raw)}'`;
		return undefined;
	}
	return parsed.toJSDate();
}

function readSeverity(params: URLSearchParams, issues: Issues): Severity | undefined {
	const raw = params.get('severity');
	if (raw === null || raw.trim() === '') {
		issues.severity = 'severity is required: 1, 2, 3 or 4';
		return undefined;
	}
	const level = SEVERITIES.find((s) => String(s) === raw.trim());
	if (level === undefined) {
		issues.severity = `severity must be 1, 2, 3 or 4; got '${truncate(raw)}'`;
	}
	return level;
}

function throwIfAny(issues: Issues): void {
	const messages = Object.values(issues);
	if (messages.length > 0) throw new BadRequestError(messages.join('; '), issues);
}

function iso(date: Date): string;
function iso(date: Date | null): string | null;
function iso(date: Date | null): string | null {
	return date === null ? null : date.toISOString();
}

/**
 * Builds the status response from query parameters (`at` optional, defaulting to `now`).
 * @throws BadRequestError when `at` is not an ISO-8601 instant with an offset.
 */
export function supportStatus(policy: Policy, params: URLSearchParams, now: Date): StatusResponse {
	const issues: Issues = {};
	const at = readInstant(params, now, issues);
	throwIfAny(issues);
	const status = statusAt(policy, at ?? now);
	const departments = Object.fromEntries(
		Object.entries(status.departments).map(([id, s]) => [
			id,
			{ open: s.open, closesAt: iso(s.closesAt), opensAt: iso(s.opensAt) },
		]),
	) as StatusResponse['departments'];
	return { at: iso(status.at), timezone: status.timezone, departments };
}

/**
 * Builds the SLA response from query parameters (`severity` 1-4 required, `at` optional).
 * @throws BadRequestError naming every missing or bad parameter.
 */
export function supportSla(policy: Policy, params: URLSearchParams, now: Date): SlaResponse {
	const issues: Issues = {};
	const severity = readSeverity(params, issues);
	const at = readInstant(params, now, issues);
	throwIfAny(issues);
	if (severity === undefined || at === undefined) throw new BadRequestError('bad parameters');
	return {
		severity,
		submittedAt: iso(at),
		firstResponseDue: iso(firstResponseDue(policy, severity, at)),
		resolutionDue: iso(resolutionDue(policy, at)),
	};
}
