import { isoDateInZone } from '#lib/dates.ts';
import type { Policy, Severity } from './policy.schema.ts';
import {
	dateText,
	firstResponseText,
	holidaysText,
	hoursText,
	resolutionText,
	upcomingExceptions,
	weekdaysText,
} from './policy-text.ts';

/** Everything the /support page shows, generated from the policy. Pure. */

export interface ScheduleRow {
	what: string;
	days: string;
	hours: string;
}

export interface SeverityView {
	level: Severity;
	name: string;
	summary: string;
	examples: string[];
	firstResponse: string;
}

function levelsText(levels: readonly number[]): string {
	if (levels.length === 1) return `Severity ${levels[0]}`;
	return `Severity ${levels.slice(0, -1).join(', ')} and ${levels.at(-1)}`;
}

function scheduleRows(policy: Policy): ScheduleRow[] {
	const rows: ScheduleRow[] = policy.departments.map((d) => ({
		what: `${d.name} (${d.kind.toLowerCase()})`,
		days: 'Working days',
		hours: hoursText(policy, d.hours),
	}));
	const counted = policy.severities
		.filter((s) => s.firstResponse.rule === 'working-time')
		.map((s) => s.level)
		.sort((a, b) => a - b);
	if (counted.length > 0) {
		rows.push({
			what: `${policy.responseWindow.name} (first response to ${levelsText(counted)})`,
			days: 'Working days',
			hours: hoursText(policy, policy.responseWindow.hours),
		});
	}
	const allDay = policy.severities
		.filter((s) => s.firstResponse.rule === 'around-the-clock')
		.map((s) => s.level)
		.sort((a, b) => a - b);
	if (allDay.length > 0) {
		rows.push({
			what: `First response to ${levelsText(allDay)}`,
			days: 'Every day, holidays included',
			hours: 'Around the clock',
		});
	}
	return rows;
}

/** The /support page's content as of `now` (which decides the upcoming dated exceptions). */
export function supportPageView(policy: Policy, now: Date) {
	const today = isoDateInZone(now, policy.timezone);
	const exceptions = upcomingExceptions(policy, today);
	return {
		vendor: policy.vendor,
		product: policy.product,
		zone: policy.timezone,
		zoneLabel: policy.timezoneLabel,
		departments: policy.departments.map((d) => ({
			...d,
			hoursText: `Working days ${hoursText(policy, d.hours)}`,
		})),
		resources: policy.resources,
		forum: policy.resources.find((r) => r.id === 'forum'),
		manuals: policy.resources.find((r) => r.id === 'manuals'),
		schedule: scheduleRows(policy),
		workingDays: `${weekdaysText(policy)}, except holidays`,
		holidays: holidaysText(policy),
		extraDaysOff: exceptions.daysOff.map(dateText),
		extraWorkingDays: exceptions.workingDays.map(dateText),
		severities: [...policy.severities]
			.sort((a, b) => a.level - b.level)
			.map((s): SeverityView => ({
				level: s.level,
				name: s.name,
				summary: s.summary,
				examples: s.examples,
				firstResponse: firstResponseText(policy, s.level),
			})),
		resolution: { text: resolutionText(policy), note: policy.resolution.note },
		guidance: policy.guidance,
	};
}

export type SupportPageView = ReturnType<typeof supportPageView>;
