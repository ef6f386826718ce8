import { z } from 'astro/zod';
import { IANAZone } from 'luxon';

export const DEPARTMENTS = ['customer-support', 'technical-support'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const SEVERITIES = [1, 2, 3, 4] as const;
export type Severity = (typeof SEVERITIES)[number];

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const MM_DD = /^(\d{2})-(\d{2})$/;
const YYYY_MM_DD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days per month in a leap year, so 02-29 is a valid recurring date. */
const MAX_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isMonthDay(value: string): boolean {
	const m = MM_DD.exec(value);
	if (!m) return false;
	const month = Number(m[1]);
	const day = Number(m[2]);
	return month >= 1 && month <= 12 && day >= 1 && day <= (MAX_DAY[month - 1] ?? 0);
}

function isIsoDate(value: string): boolean {
	const m = YYYY_MM_DD.exec(value);
	if (!m) return false;
	const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return date.toISOString().slice(0, 10) === value;
}

const text = z.string({ error: 'expected text' }).trim().min(1, { error: 'must not be empty' });
const timeOfDay = z.string({ error: 'expected HH:MM' }).regex(HHMM, { error: 'expected HH:MM' });
const monthDay = z
	.string({ error: 'expected MM-DD' })
	.refine(isMonthDay, { error: 'expected MM-DD, a real month and day' });
const isoDate = z
	.string({ error: 'expected YYYY-MM-DD' })
	.refine(isIsoDate, { error: 'expected YYYY-MM-DD, a real date' });
const positiveHours = z
	.number({ error: 'expected a number of hours' })
	.positive({ error: 'must be more than 0' })
	.max(24 * 31, { error: 'must be at most 744 hours' });
const link = z
	.string({ error: 'expected a URL' })
	.refine((v) => v.startsWith('/') || URL.canParse(v), {
		error: 'expected an absolute URL or a path starting with /',
	});

export const HoursSchema = z
	.strictObject({ opens: timeOfDay, closes: timeOfDay })
	// Only compares well-formed times, so a malformed one is reported once, as malformed.
	.refine((h) => !HHMM.test(h.opens) || !HHMM.test(h.closes) || h.opens < h.closes, {
		path: ['closes'],
		error: 'must be later than opens (hours cannot cross midnight)',
	});
export type Hours = z.output<typeof HoursSchema>;

const HolidaySchema = z
	.strictObject({ from: monthDay, to: monthDay.optional(), name: text })
	.refine((h) => h.to === undefined || !isMonthDay(h.from) || !isMonthDay(h.to) || h.from <= h.to, {
		path: ['to'],
		error: 'must not be before from (ranges cannot cross the new year)',
	});

const CalendarSchema = z
	.strictObject({
		workingWeekdays: z
			.array(z.int().min(1).max(7), { error: 'expected a list of weekdays 1-7' })
			.refine((days) => new Set(days).size === days.length, { error: 'lists a weekday twice' }),
		holidays: z.array(HolidaySchema),
		extraDaysOff: z.array(isoDate),
		extraWorkingDays: z.array(isoDate),
	})
	.superRefine((c, ctx) => {
		const off = new Set(c.extraDaysOff);
		c.extraWorkingDays.forEach((day, i) => {
			if (off.has(day)) {
				ctx.addIssue({
					code: 'custom',
					path: ['extraWorkingDays', i],
					message: `${day} is also listed in extraDaysOff`,
				});
			}
		});
	});

const DepartmentSchema = z.strictObject({
	id: z.enum(DEPARTMENTS, { error: `expected one of: ${DEPARTMENTS.join(', ')}` }),
	name: text,
	kind: text,
	hours: HoursSchema,
	channel: z.strictObject({ label: text, url: link }),
	summary: text,
	scope: z.array(text),
	notes: z.array(text).default([]),
	offDayNote: text.optional(),
});

const FirstResponseSchema = z.discriminatedUnion(
	'rule',
	[
		z.strictObject({ rule: z.literal('around-the-clock'), hours: positiveHours }),
		z.strictObject({
			rule: z.literal('while-open'),
			department: z.enum(DEPARTMENTS, { error: `expected one of: ${DEPARTMENTS.join(', ')}` }),
			hours: positiveHours,
			otherwiseHours: positiveHours,
		}),
		z.strictObject({ rule: z.literal('working-time'), hours: positiveHours }),
	],
	{ error: 'expected rule: around-the-clock, while-open or working-time' },
);
export type FirstResponseRule = z.output<typeof FirstResponseSchema>;

const SeveritySchema = z.strictObject({
	level: z.literal(SEVERITIES, { error: 'expected 1, 2, 3 or 4' }),
	name: text,
	summary: text,
	examples: z.array(text),
	firstResponse: FirstResponseSchema,
});

const GuidanceSchema = z.strictObject({ title: text, paragraphs: z.array(text).min(1) });

export const PolicySchema = z.strictObject({
	vendor: text,
	product: text,
	timezone: z
		.string({ error: 'expected an IANA time zone' })
		.refine((zone) => IANAZone.isValidZone(zone), {
			error: 'expected an IANA time zone such as Europe/Moscow',
		}),
	timezoneLabel: text,
	calendar: CalendarSchema,
	departments: z.array(DepartmentSchema).superRefine((list, ctx) => {
		for (const id of DEPARTMENTS) {
			const count = list.filter((d) => d.id === id).length;
			if (count !== 1) {
				ctx.addIssue({
					code: 'custom',
					message: `must list department ${id} exactly once (found ${count})`,
				});
			}
		}
	}),
	resources: z.array(z.strictObject({ id: text, name: text, url: link, summary: text })),
	responseWindow: z.strictObject({ name: text, hours: HoursSchema }),
	severities: z.array(SeveritySchema).superRefine((list, ctx) => {
		for (const level of SEVERITIES) {
			const count = list.filter((s) => s.level === level).length;
			if (count !== 1) {
				ctx.addIssue({
					code: 'custom',
					message: `must list severity ${level} exactly once (found ${count})`,
				});
			}
		}
	}),
	resolution: z.strictObject({
		workingDays: z.int({ error: 'expected a whole number' }).min(1).max(60),
		time: timeOfDay,
		note: text.optional(),
	}),
	guidance: z.strictObject({ duplicates: GuidanceSchema, customization: GuidanceSchema }),
});

export type Policy = z.output<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;
