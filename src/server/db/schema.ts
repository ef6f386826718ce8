import type { ColumnType, Generated, Kysely } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export const ROLES = ['customer', 'developer', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface UsersTable {
	id: Generated<string>;
	email: string;
	handle: string;
	display_name: string;
	role: ColumnType<Role, Role | undefined, Role>;
	password_hash: string;
	created_at: CreatedAt;
	updated_at: Timestamp;
}

export interface AuthSessionsTable {
	id: string;
	user_id: string;
	expires_at: Timestamp;
	created_at: CreatedAt;
	user_agent: string | null;
}

export interface RateLimitsTable {
	key: string;
	window_start: Timestamp;
	hits: number;
}

export interface SearchOutboxTable {
	id: Generated<string>;
	kind: string;
	source_id: string;
	op: 'upsert' | 'delete';
	payload: ColumnType<unknown, string | null, string | null> | null;
	created_at: CreatedAt;
	attempts: Generated<number>;
	last_error: string | null;
	processed_at: Timestamp | null;
	external_processed_at: Timestamp | null;
}

// --- Knowledge base (manual votes, hints) ---
export const HINT_STATES = ['draft', 'published', 'archived'] as const;
export type HintState = (typeof HINT_STATES)[number];
export type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface ManualVotesTable {
	page_id: string;
	voter_key: string;
	helpful: boolean;
	created_at: CreatedAt;
	updated_at: Timestamp;
}

export interface HintsTable {
	id: Generated<string>;
	slug: string;
	title: string;
	body: string;
	tags: TextArray;
	related_manuals: TextArray;
	state: HintState;
	published_at: Timestamp | null;
	author_id: string | null;
	updated_by: string | null;
	version: Generated<number>;
	index_pending: Generated<boolean>;
	created_at: CreatedAt;
	updated_at: Timestamp;
}

export interface HintRevisionsTable {
	id: Generated<string>;
	hint_id: string;
	number: number;
	title: string;
	slug: string;
	body: string;
	tags: TextArray;
	related_manuals: TextArray;
	state: HintState;
	published_at: Timestamp | null;
	note: string;
	author_id: string | null;
	created_at: CreatedAt;
}
// --- end knowledge base ---
// --- Tickets (Customer Support System) and the mail outbox ---
export interface TicketsTable {
	id: Generated<string>;
	number: Generated<number>;
	customer_id: string;
	subject: string;
	body: string;
	severity: number;
	category: string;
	site_url: string | null;
	status: ColumnType<string, string | undefined, string>;
	assignee_id: string | null;
	first_response_due_at: Timestamp;
	resolution_due_at: Timestamp;
	first_responded_at: Timestamp | null;
	resolved_at: Timestamp | null;
	closed_at: Timestamp | null;
	possible_duplicate_of: string | null;
	merged_into: string | null;
	created_at: ColumnType<Date, Date | string, never>;
	last_activity_at: Timestamp;
}

export interface TicketMessagesTable {
	id: Generated<string>;
	ticket_id: string;
	author_id: string | null;
	body: string;
	internal: ColumnType<boolean, boolean | undefined, boolean>;
	merged_from: number | null;
	created_at: ColumnType<Date, Date | string, Date | string>;
}

export interface TicketEventsTable {
	id: Generated<string>;
	ticket_id: string;
	actor_id: string | null;
	kind: string;
	details: ColumnType<unknown, string | undefined, string>;
	created_at: ColumnType<Date, Date | string, Date | string>;
}

export interface MailOutboxTable {
	id: Generated<string>;
	recipient: string;
	subject: string;
	text_body: string;
	html_body: string | null;
	created_at: CreatedAt;
	sent_at: Timestamp | null;
	attempts: Generated<number>;
	last_error: string | null;
	next_attempt_at: Timestamp;
}
// --- end tickets ---
// --- search (built-in index, sync state, analytics) ---
export interface SearchDocumentsTable {
	kind: string;
	source_id: string;
	title: string;
	body: string;
	url: string;
	section: string | null;
	section_label: string | null;
	tags: ColumnType<string, string | undefined, string>;
	updated_at: Timestamp;
	indexed_at: Generated<Date>;
	tsv: string;
	rank_tsv: string;
}

export interface SearchTermsTable {
	word: string;
}

export interface SearchStateTable {
	key: string;
	value: string;
	updated_at: Timestamp;
}

export const SEARCH_EVENT_TYPES = ['search', 'click', 'ticket_started'] as const;
export type SearchEventType = (typeof SEARCH_EVENT_TYPES)[number];

export interface SearchEventsTable {
	id: Generated<string>;
	visitor: string;
	type: SearchEventType;
	source: ColumnType<string, string | undefined, string>;
	query: string | null;
	route: string | null;
	result_count: number | null;
	url: string | null;
	created_at: CreatedAt;
}
// --- end search ---

// --- Forum and notifications (forum domain) ---

export interface ForumCategoriesTable {
	id: Generated<string>;
	slug: string;
	name: string;
	description: Generated<string>;
	position: Generated<number>;
	parent_id: string | null;
	staff_only_topics: Generated<boolean>;
	created_at: CreatedAt;
}

export interface ForumTopicsTable {
	id: Generated<string>;
	category_id: string;
	author_id: string;
	title: string;
	created_at: CreatedAt;
	last_activity_at: Timestamp;
	last_post_author_id: string | null;
	reply_count: Generated<number>;
	visible_post_count: Generated<number>;
	view_count: Generated<number>;
	pinned: Generated<boolean>;
	locked: Generated<boolean>;
	hidden: Generated<boolean>;
	first_post_id: string | null;
	accepted_post_id: string | null;
	deleted_at: Timestamp | null;
}

export interface ForumPostsTable {
	id: Generated<string>;
	topic_id: string;
	author_id: string;
	body: string;
	body_html: string | null;
	render_version: number | null;
	created_at: CreatedAt;
	edited_at: Timestamp | null;
	deleted_at: Timestamp | null;
	hidden: Generated<boolean>;
}

export interface ForumPostRevisionsTable {
	id: Generated<string>;
	post_id: string;
	editor_id: string;
	body: string;
	title: string | null;
	created_at: CreatedAt;
}

export interface TopicWatchesTable {
	user_id: string;
	topic_id: string;
	created_at: CreatedAt;
}

export interface NotificationsTable {
	id: Generated<string>;
	user_id: string;
	kind: string;
	title: string;
	url: string;
	subject_key: string | null;
	created_at: CreatedAt;
	read_at: Timestamp | null;
}

export interface ModerationLogTable {
	id: Generated<string>;
	actor_id: string | null;
	action: string;
	target_type: string;
	target_id: string;
	details: Generated<string>;
	created_at: CreatedAt;
}

// --- attachments (files on ticket messages, forum posts, chat messages) ---
export interface AttachmentBlobsTable {
	sha256: string;
	size: ColumnType<number | string, number, never>;
	created_at: CreatedAt;
	last_used_at: Timestamp;
}

export interface AttachmentBlobChunksTable {
	sha256: string;
	seq: number;
	data: Uint8Array;
}

export interface AttachmentsTable {
	id: Generated<string>;
	uploader_id: string | null;
	name: string;
	content_type: string;
	size: number;
	sha256: string;
	width: number | null;
	height: number | null;
	thumb_sha256: string | null;
	thumb_width: number | null;
	thumb_height: number | null;
	ticket_id: string | null;
	ticket_message_id: string | null;
	forum_post_id: string | null;
	created_at: CreatedAt;
	attached_at: Timestamp | null;
}

export interface AttachmentUsageTable {
	user_id: string;
	/** First day of the month (UTC), `YYYY-MM-DD`. */
	month: ColumnType<string | Date, string, never>;
	bytes: ColumnType<number | string, number, number>;
}
// --- end attachments ---

export interface Database {
	users: UsersTable;
	auth_sessions: AuthSessionsTable;
	rate_limits: RateLimitsTable;
	search_outbox: SearchOutboxTable;
	// knowledge base
	manual_votes: ManualVotesTable;
	hints: HintsTable;
	hint_revisions: HintRevisionsTable;
	// tickets
	tickets: TicketsTable;
	ticket_messages: TicketMessagesTable;
	ticket_events: TicketEventsTable;
	mail_outbox: MailOutboxTable;
	// search
	search_documents: SearchDocumentsTable;
	search_terms: SearchTermsTable;
	search_state: SearchStateTable;
	search_events: SearchEventsTable;

	// forum domain
	forum_categories: ForumCategoriesTable;
	forum_topics: ForumTopicsTable;
	forum_posts: ForumPostsTable;
	forum_post_revisions: ForumPostRevisionsTable;
	topic_watches: TopicWatchesTable;
	notifications: NotificationsTable;
	moderation_log: ModerationLogTable;

	// attachments
	attachment_blobs: AttachmentBlobsTable;
	attachment_blob_chunks: AttachmentBlobChunksTable;
	attachments: AttachmentsTable;
	attachment_usage: AttachmentUsageTable;
}

/** The database as every repo and service takes it (a transaction `trx` too). */
export type Db = Kysely<Database>;
