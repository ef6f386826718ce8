import type { SessionUser } from '#server/auth/sessions.ts';
import type { Db } from '#server/db/schema.ts';
import { findSimilarTopics } from '#server/forum/similar.ts';
import { listSimilarOwnTickets } from './duplicates.ts';
import { STATUS_LABELS, type TicketStatus } from './tickets.schema.ts';

export interface SimilarTicketHit {
	number: number;
	subject: string;
	status: TicketStatus;
	statusLabel: string;
	url: string;
}

export interface SimilarTopicHit {
	id: string;
	title: string;
	url: string;
	createdAt: string;
	solved: boolean;
}

export interface SimilarRequests {
	tickets: SimilarTicketHit[];
	topics: SimilarTopicHit[];
}

/**
 * What a customer writing a new ticket may be repeating: their OWN open tickets (never anyone
 * else's) and recent visible forum topics.
 */
export async function findSimilarRequests(
	db: Db,
	user: SessionUser,
	input: { q: string; subject?: string | undefined },
): Promise<SimilarRequests> {
	const subject = input.subject?.trim() ?? '';
	const [own, topics] = await Promise.all([
		listSimilarOwnTickets(db, user.id, { subject, text: input.q }),
		// Titles compare best with the subject; without one, with the start of the description.
		findSimilarTopics(db, subject.length >= 3 ? subject : input.q, 5),
	]);
	return {
		tickets: own.map((t) => ({
			number: t.number,
			subject: t.subject,
			status: t.status,
			statusLabel: STATUS_LABELS[t.status],
			url: `/tickets/${t.number}`,
		})),
		topics: topics.map((t) => ({
			id: t.id,
			title: t.title,
			url: t.url,
			createdAt: t.createdAt.toISOString(),
			solved: t.solved,
		})),
	};
}
