import { formatDateTime, formatInZone } from '#lib/dates.ts';
import { getPolicy } from './policy.ts';

/**
 * The portal's time zone, from the support policy (`timezone`, `timezoneLabel`): every date the
 * portal shows or reads from a form is in it. The one place that knows it.
 */
export function portalZone(): { zone: string; label: string } {
	const policy = getPolicy();
	return { zone: policy.timezone, label: policy.timezoneLabel };
}

/** "26 Nov 2026, 10:30 MSK" ("26 Nov 2026, 10:30" without the label). */
export function formatPortalDateTime(date: Date, withLabel = true): string {
	const { zone, label } = portalZone();
	return withLabel ? `${formatDateTime(date, zone)} ${label}` : formatDateTime(date, zone);
}

const LONG_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/** "26 November 2026" (the day in the portal's zone) */
export function formatPortalDate(date: Date): string {
	return formatInZone(date, portalZone().zone, LONG_DATE);
}
