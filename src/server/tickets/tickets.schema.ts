import { z } from 'astro/zod';
import { attachmentFields } from '#server/attachments/attachments.schema.ts';
import { SEVERITIES, type Severity } from '#server/support/policy.schema.ts';

/** Ticket categories: slug → label. Also listed in the tickets migration's check constraint. */
export const CATEGORIES = {
	installation: 'Installation',
	'api-key': 'API key',
	'admin-panel': 'Admin panel',
	'orders-payments': 'Orders and payments',
	'catalog-translation': 'Catalog and translation',
	'design-templates': 'Design and templates',
	other: 'Other',
} as const;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_SLUGS = Object.keys(CATEGORIES) as [Category, ...Category[]];

export const STATUSES = ['new', 'open', 'waiting', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof STATUSES)[number];
export const STATUS_LABELS: Record<TicketStatus, string> = {
	new: 'New',
	open: 'Open',
	waiting: 'Waiting on customer',
	resolved: 'Resolved',
	closed: 'Closed',
};
/** Statuses in which a ticket still needs work (the staff queue's default, duplicate checks). */
export const ACTIVE_STATUSES = [
	'new',
	'open',
	'waiting',
] as const satisfies readonly TicketStatus[];

export const SUBJECT_MIN = 5;
export const SUBJECT_MAX = 200;
export const BODY_MAX = 50_000;
export const REPLY_MAX = 50_000;

const severity = z.coerce
	.number({ error: 'Choose a severity.' })
	.pipe(z.literal(SEVERITIES, { error: 'Choose a severity from 1 to 4.' })) as z.ZodType<
	Severity,
	unknown
>;

const ticketNumber = z.coerce
	.number({ error: 'Unknown ticket.' })
	.int()
	.positive()
	.max(2_000_000_000);

const siteUrl = z
	.string()
	.trim()
	.max(500, { error: 'Use at most 500 characters.' })
	.refine((v) => v === '' || isHttpUrl(v), {
		error: 'Enter the full address of the site, starting with http:// or https://.',
	})
	.transform((v) => (v === '' ? undefined : v))
	.optional();

function isHttpUrl(value: string): boolean {
	if (!URL.canParse(value)) return false;
	const url = new URL(value);
	return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

const messageBody = (what: string) =>
	z
		.string({ error: `Write ${what}.` })
		.trim()
		.min(1, { error: `Write ${what}.` })
		.max(REPLY_MAX, { error: `Use at most ${REPLY_MAX.toLocaleString('en-GB')} characters.` });

export const CreateTicketSchema = z.object({
	subject: z
		.string({ error: 'Enter a subject.' })
		.trim()
		.min(SUBJECT_MIN, { error: `Use at least ${SUBJECT_MIN} characters.` })
		.max(SUBJECT_MAX, { error: `Use at most ${SUBJECT_MAX} characters.` }),
	description: z
		.string({ error: 'Describe the problem.' })
		.trim()
		.min(1, { error: 'Describe the problem.' })
		.max(BODY_MAX, { error: `Use at most ${BODY_MAX.toLocaleString('en-GB')} characters.` }),
	severity,
	category: z.enum(CATEGORY_SLUGS, { error: 'Choose a category.' }),
	siteUrl,
	...attachmentFields,
});
export type CreateTicket = z.output<typeof CreateTicketSchema>;

export const TicketRefSchema = z.object({ number: ticketNumber });
export type TicketRef = z.output<typeof TicketRefSchema>;

export const ReplySchema = TicketRefSchema.extend({
	body: messageBody('a reply'),
	...attachmentFields,
});
export type Reply = z.output<typeof ReplySchema>;

export const NoteSchema = TicketRefSchema.extend({
	body: messageBody('a note'),
	...attachmentFields,
});
export type Note = z.output<typeof NoteSchema>;

export const ChangeSeveritySchema = TicketRefSchema.extend({ severity });
export type ChangeSeverity = z.output<typeof ChangeSeveritySchema>;

export const ChangeStatusSchema = TicketRefSchema.extend({
	status: z.enum(STATUSES, { error: 'Choose a status.' }),
});
export type ChangeStatus = z.output<typeof ChangeStatusSchema>;

export const AssignSchema = TicketRefSchema.extend({
	/** Empty: unassign. */
	assigneeId: z
		.string()
		.trim()
		.refine((v) => v === '' || z.uuid().safeParse(v).success, { error: 'Choose a staff member.' })
		.transform((v) => (v === '' ? null : v)),
});
export type Assign = z.output<typeof AssignSchema>;

export const MergeSchema = TicketRefSchema.extend({
	into: z.coerce
		.number({ error: 'Enter the number of the ticket to merge into.' })
		.int({ error: 'Enter a ticket number.' })
		.positive({ error: 'Enter a ticket number.' })
		.max(2_000_000_000),
});
export type Merge = z.output<typeof MergeSchema>;

export const SimilarQuerySchema = z.object({
	q: z.string().trim().max(2_000).default(''),
	subject: z.string().trim().max(SUBJECT_MAX).optional(),
});

const optionalFilter = <T extends z.ZodType>(schema: T) =>
	z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

export const QueueFilterSchema = z.object({
	/** `active` (new, open, waiting: the default), `all`, or one status. */
	status: optionalFilter(z.enum([...STATUSES, 'active', 'all'])).default('active'),
	severity: optionalFilter(z.coerce.number().pipe(z.literal(SEVERITIES))),
	/** A staff user id, or `none` for unassigned tickets. */
	assignee: optionalFilter(z.union([z.literal('none'), z.uuid()])),
	category: optionalFilter(z.enum(CATEGORY_SLUGS)),
	/** Only tickets whose first-response or resolution target has passed. */
	overdue: optionalFilter(z.literal('1')),
	q: optionalFilter(z.string().trim().max(200)),
	page: optionalFilter(z.coerce.number().int().min(1).max(10_000)).default(1),
});
export type QueueFilter = z.output<typeof QueueFilterSchema>;

export const ReportQuerySchema = z.object({
	period: optionalFilter(z.enum(['week', 'month'])).default('week'),
	periods: optionalFilter(z.coerce.number().int().min(1).max(24)).default(8),
});
export type ReportQuery = z.output<typeof ReportQuerySchema>;

export function categoryLabel(category: string): string {
	return (CATEGORIES as Record<string, string>)[category] ?? category;
}
