import { createTransport } from 'nodemailer';
import { config } from '#server/config.ts';
import type { Db } from '#server/db/schema.ts';
import { onShutdown } from '#server/lifecycle.ts';
import { claimPendingMail, markFailed, markSent } from './mail.repo.ts';

/**
 * Delivers the mail outbox over SMTP (`SMTP_URL`) with nodemailer. A failed message keeps its
 * row, with `attempts` and `last_error`, and is retried with back-off by a small interval worker
 * (started on first use) until MAX_ATTEMPTS. Several instances may run it: rows are claimed
 * with `for update skip locked` and leased while they are sent.
 */

export const MAX_ATTEMPTS = 8;
const BATCH = 20;
const LEASE_SECONDS = 120;
const WORKER_INTERVAL_MS = 30_000;

type Transport = ReturnType<typeof createTransport>;
const transports = new Map<string, Transport>();

function transportFor(url: string): Transport {
	let transport = transports.get(url);
	if (!transport) {
		transport = createTransport(url);
		transports.set(url, transport);
	}
	return transport;
}

/** Seconds before retry number `attempts` + 1: 1 min, 2, 4 … capped at 1 h. */
function backoffSeconds(attempts: number): number {
	return Math.min(3600, 60 * 2 ** Math.max(0, attempts - 1));
}

export interface DeliveryResult {
	sent: number;
	failed: number;
}

/**
 * Sends pending outbox rows now. Does nothing without an SMTP URL (the rows wait in the outbox).
 * Never throws for SMTP errors: they are recorded on the row.
 */
export async function deliverPendingMail(
	db: Db,
	options: { smtpUrl?: string | undefined; from?: string } = {},
): Promise<DeliveryResult> {
	const smtpUrl = options.smtpUrl ?? config().smtpUrl;
	const result: DeliveryResult = { sent: 0, failed: 0 };
	if (!smtpUrl) return result;
	const from = options.from ?? config().mailFrom;
	const transport = transportFor(smtpUrl);
	for (;;) {
		const batch = await claimPendingMail(db, {
			limit: BATCH,
			maxAttempts: MAX_ATTEMPTS,
			leaseSeconds: LEASE_SECONDS,
		});
		if (batch.length === 0) return result;
		for (const mail of batch) {
			try {
				await transport.sendMail({
					from,
					to: mail.to,
					subject: mail.subject,
					text: mail.text,
					...(mail.html ? { html: mail.html } : {}),
				});
				await markSent(db, mail.id);
				result.sent += 1;
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				console.warn(`[mail] delivery to ${mail.to} failed (attempt ${mail.attempts}): ${message}`);
				await markFailed(db, mail.id, message, backoffSeconds(mail.attempts));
				result.failed += 1;
			}
		}
		if (batch.length < BATCH) return result;
	}
}

let worker: { db: Db; timer: ReturnType<typeof setInterval> } | undefined;
let running: Promise<void> | undefined;
let again = false;

function runOnce(db: Db): Promise<void> {
	// One delivery pass at a time per process; a kick during a pass asks for one more pass, so
	// mail committed after the running pass's last claim is not left for the interval worker.
	if (running) {
		again = true;
		return running;
	}
	running = (async () => {
		do {
			again = false;
			await deliverPendingMail(db).catch((error: unknown) =>
				console.error('[mail] delivery pass failed:', error),
			);
		} while (again);
	})().finally(() => {
		running = undefined;
	});
	return running;
}

/**
 * Call after committing a change that queued mail: delivers now (in the background) when SMTP
 * is configured, and makes sure the retry worker runs. Returns the delivery pass, for tests.
 */
export function kickMailDelivery(db: Db): Promise<void> {
	if (!config().smtpUrl) return Promise.resolve();
	if (!worker) {
		const timer = setInterval(() => void runOnce(db), WORKER_INTERVAL_MS);
		timer.unref();
		worker = { db, timer };
		onShutdown(stopMailWorker);
	}
	return runOnce(db);
}

/** Stops the retry worker and closes SMTP connections (shutdown, tests). */
export async function stopMailWorker(): Promise<void> {
	if (worker) clearInterval(worker.timer);
	worker = undefined;
	await running;
	for (const transport of transports.values()) transport.close();
	transports.clear();
}
