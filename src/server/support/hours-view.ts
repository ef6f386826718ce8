import { isoDateInZone } from '#lib/dates.ts';
import {
	badgeText,
	departmentText,
	instantText,
	type DepartmentState,
	type DepartmentText,
	type InstantText,
	type Zones,
} from '#lib/support-hours.ts';
import type { Department, Policy, Severity } from './policy.schema.ts';
import { daysOffFrom, firstResponseText, hoursText } from './policy-text.ts';
import { firstResponseDue, resolutionDue, statusAt } from './schedule.ts';

/**
 * What the live hours components render at a given instant, in the policy's zone only (the
 * browser script adds the visitor's zone). Pure: the caller passes the policy and "now".
 */

/** How many days ahead the panel learns which dates are days off (for the duty note). */
const OFF_DAYS_AHEAD = 62;

export interface DepartmentView {
	id: Department;
	name: string;
	kind: string;
	hours: string;
	channel: { label: string; url: string };
	state: DepartmentState;
	text: DepartmentText;
}

export interface HoursView {
	zones: Zones;
	departments: DepartmentView[];
	/** The weekend/holiday duty-manager note, if any department has one. */
	offDayNote: string | undefined;
	isOffDay: boolean;
	/** Days off from today on (YYYY-MM-DD), so the browser can show the note on the right days. */
	offDays: string[];
	severity1: { name: string; text: string };
	ticketUrl: string;
}

function zonesOf(policy: Policy): Zones {
	return { zone: policy.timezone, zoneLabel: policy.timezoneLabel };
}

/** Data of the full hours panel at `now`. */
export function hoursView(policy: Policy, now: Date): HoursView {
	const zones = zonesOf(policy);
	const status = statusAt(policy, now);
	const today = isoDateInZone(now, policy.timezone);
	const offDays = daysOffFrom(policy, today, OFF_DAYS_AHEAD);
	const severity1 = policy.severities.find((s) => s.level === 1);
	const technical = policy.departments.find((d) => d.id === 'technical-support');
	return {
		zones,
		departments: policy.departments.map((d) => {
			const state = status.departments[d.id];
			return {
				id: d.id,
				name: d.name,
				kind: d.kind,
				hours: hoursText(policy, d.hours),
				channel: d.channel,
				state,
				text: departmentText(state, now, zones),
			};
		}),
		offDayNote: policy.departments.find((d) => d.offDayNote)?.offDayNote,
		isOffDay: offDays.includes(today),
		offDays,
		severity1: { name: severity1?.name ?? '', text: firstResponseText(policy, 1) },
		ticketUrl: technical?.channel.url ?? '/',
	};
}

/** Data of the compact header badge at `now`. */
export function badgeView(
	policy: Policy,
	now: Date,
): { open: boolean; text: string; zones: Zones } {
	const zones = zonesOf(policy);
	const states = Object.values(statusAt(policy, now).departments);
	return { open: states.some((s) => s.open), text: badgeText(states, now, zones), zones };
}

export interface TargetView {
	level: Severity;
	name: string;
	summary: string;
	due: Date;
	text: InstantText;
}

/** First-response targets of each severity, and the resolution target, for a request sent at `now`. */
export function responseTargetsView(
	policy: Policy,
	now: Date,
): { zones: Zones; targets: TargetView[]; resolution: { due: Date; text: InstantText } } {
	const zones = zonesOf(policy);
	const targets = [...policy.severities]
		.sort((a, b) => a.level - b.level)
		.map((s) => {
			const due = firstResponseDue(policy, s.level, now);
			return {
				level: s.level,
				name: s.name,
				summary: s.summary,
				due,
				text: instantText(due, now, zones),
			};
		});
	const due = resolutionDue(policy, now);
	return { zones, targets, resolution: { due, text: instantText(due, now, zones) } };
}
