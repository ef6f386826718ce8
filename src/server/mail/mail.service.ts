import type { Db } from '#server/db/schema.ts';
import { BadRequestError } from '#server/errors.ts';
import { insertMail, type NewMail } from './mail.repo.ts';

export type { NewMail, OutboxMail } from './mail.repo.ts';

/**
 * Queues an e-mail: always a row in `mail_outbox`, written with `db` (pass the caller's `trx`
 * so the mail exists exactly when the change that caused it commits). Delivery happens after
 * the commit: call `kickMailDelivery()` (see ./mail.sender.ts). Without SMTP_URL the row stays
 * in the outbox, which staff read at /staff/mail.
 * @throws BadRequestError for a recipient that is not an e-mail address (header injection).
 */
export async function sendMail(db: Db, mail: NewMail): Promise<string> {
	if (!/^[^\s@<>,;"]+@[^\s@<>,;"]+$/.test(mail.to)) {
		throw new BadRequestError(`Not an e-mail address: ${mail.to.slice(0, 100)}`);
	}
	return insertMail(db, { ...mail, subject: mail.subject.replace(/[\r\n]+/g, ' ').slice(0, 300) });
}
