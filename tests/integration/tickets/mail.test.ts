import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { resetConfig } from '#server/config.ts';
import { listOutbox } from '#server/mail/mail.repo.ts';
import { deliverPendingMail, stopMailWorker } from '#server/mail/mail.sender.ts';
import { sendMail } from '#server/mail/mail.service.ts';
import { replyToTicket } from '#server/tickets/tickets.service.ts';
import { describeEachDb } from '../../helpers/db.ts';
import { makeCustomer, makeStaff, makeTicket } from '../../helpers/tickets.ts';

interface Received {
	from: string;
	to: string[];
	raw: string;
}

/** A real SMTP server on a free port that keeps what it receives. */
function startSmtp(): Promise<{
	url: string;
	received: Received[];
	next: () => Promise<Received>;
	close: () => Promise<void>;
}> {
	const received: Received[] = [];
	const waiters: ((mail: Received) => void)[] = [];
	const server = new SMTPServer({
		secure: false,
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const mail = {
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					raw: Buffer.concat(chunks).toString('utf8'),
				};
				received.push(mail);
				waiters.shift()?.(mail);
				callback();
			});
		},
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.server.address() as AddressInfo;
			resolve({
				url: `smtp://127.0.0.1:${port}`,
				received,
				next: () =>
					new Promise<Received>((done) => {
						const already = received.shift();
						if (already) done(already);
						else waiters.push(done);
					}),
				close: () => new Promise<void>((done) => server.close(() => done())),
			});
		});
	});
}

/** Quoted-printable soft line breaks and encoded characters, undone enough to search the body. */
function decode(raw: string): string {
	return raw
		.replace(/=\r?\n/g, '')
		.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

let smtp: Awaited<ReturnType<typeof startSmtp>>;
const savedUrl = process.env.SMTP_URL;

beforeAll(async () => {
	smtp = await startSmtp();
});
afterEach(async () => {
	await stopMailWorker();
	if (savedUrl === undefined) delete process.env.SMTP_URL;
	else process.env.SMTP_URL = savedUrl;
	resetConfig();
});
afterAll(async () => {
	await smtp.close();
});

describeEachDb('ticket e-mail', (use) => {
	it('keeps mail in the outbox when no SMTP server is configured', async () => {
		const db = use();
		delete process.env.SMTP_URL;
		resetConfig();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		const ticket = await makeTicket(db, customer);
		await replyToTicket(db, staff, { number: ticket.number, body: 'Outbox only reply' });
		expect(await deliverPendingMail(db)).toEqual({ sent: 0, failed: 0 });
		const { mails } = await listOutbox(db, { limit: 10, offset: 0, to: customer.email });
		expect(mails).toHaveLength(1);
		expect(mails[0]).toMatchObject({
			sentAt: null,
			attempts: 0,
			subject: `Re: [#${ticket.number}] ${ticket.subject}`,
		});
		expect(mails[0]?.text).toContain('Outbox only reply');
	});

	it('delivers the staff reply to the customer over SMTP right after the commit', async () => {
		const db = use();
		// Deliver anything queued by earlier tests first, so the next message is ours.
		await deliverPendingMail(db, { smtpUrl: smtp.url });
		smtp.received.splice(0);
		process.env.SMTP_URL = smtp.url;
		resetConfig();
		const [customer, staff] = [await makeCustomer(db), await makeStaff(db)];
		const ticket = await makeTicket(db, customer, { subject: 'Prices are rounded wrongly' });
		await replyToTicket(db, staff, {
			number: ticket.number,
			body: 'We fixed the rounding rule for RUB.',
		});
		const mail = await smtp.next();
		expect(mail.to).toEqual([customer.email]);
		const text = decode(mail.raw);
		expect(text).toMatch(
			new RegExp(`Subject: Re: \\[#${ticket.number}\\] Prices are rounded wrongly`),
		);
		expect(text).toContain('We fixed the rounding rule for RUB.');
		await stopMailWorker();
		const { mails } = await listOutbox(db, { limit: 10, offset: 0, to: customer.email });
		expect(mails[0]?.sentAt).not.toBeNull();
		expect(mails[0]?.attempts).toBe(1);
	});

	it('keeps a message that could not be delivered, with the error, for a retry', async () => {
		const db = use();
		await deliverPendingMail(db, { smtpUrl: smtp.url });
		const to = `nobody-${Date.now()}@example.test`;
		await sendMail(db, { to, subject: 'Will fail', text: 'body' });
		// A port nothing listens on.
		const result = await deliverPendingMail(db, { smtpUrl: 'smtp://127.0.0.1:9' });
		expect(result).toEqual({ sent: 0, failed: 1 });
		const { mails } = await listOutbox(db, { limit: 10, offset: 0, to });
		expect(mails[0]).toMatchObject({ sentAt: null, attempts: 1 });
		expect(mails[0]?.lastError).toMatch(/ECONNREFUSED|connect/i);
		// Backed off: not retried at once.
		expect(await deliverPendingMail(db, { smtpUrl: smtp.url })).toEqual({ sent: 0, failed: 0 });
	});

	it('refuses a recipient that is not an address', async () => {
		const db = use();
		await expect(
			sendMail(db, { to: 'a@b.test\r\nBcc: x@y.test', subject: 's', text: 't' }),
		).rejects.toThrow(/Not an e-mail/);
	});
});
