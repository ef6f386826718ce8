// Attachments in a real browser: a pasted screenshot and a log on a ticket, a PDF from staff, an
// image placed in a forum post, a no-JS form post with a file; other customers get 404; and the
// upload endpoints against hostile bodies.
import http from 'node:http';
import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { loginAs } from './helpers/auth.ts';
import { BASE_URL } from './helpers/base-url.ts';
import type { E2EUser } from './helpers/users.ts';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const MiB = 1024 * 1024;
const LOG = Buffer.from('2026-12-04 10:00:02 ERROR OT API Key rejected: 401\n');
const PDF = Buffer.from('%PDF-1.4\n%<html><script>document.title="pwned"</script></html>\n%%EOF\n');

async function png(width: number, height: number, colour: string): Promise<Buffer> {
	return sharp({ create: { width, height, channels: 3, background: colour } })
		.png()
		.toBuffer();
}

async function userPage(browser: Browser, who: E2EUser, javaScriptEnabled = true): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled });
	const page = await context.newPage();
	await loginAs(page, who);
	return page;
}

/** Pastes `data` as a screenshot from the clipboard into the element `selector`. */
async function pasteImage(page: Page, selector: string, data: Buffer): Promise<void> {
	await page.evaluate(
		({ selector, base64 }) => {
			const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
			const transfer = new DataTransfer();
			transfer.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
			const target = document.querySelector(selector);
			target?.dispatchEvent(
				new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
			);
		},
		{ selector, base64: data.toString('base64') },
	);
}

/** The file URLs a page links to. */
async function fileUrls(page: Page): Promise<string[]> {
	const hrefs = await page
		.locator('a[href^="/files/"]')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	return [...new Set(hrefs)];
}

async function statusAs(browser: Browser, who: E2EUser | null, url: string): Promise<number> {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		if (who) await loginAs(page, who);
		return (await page.request.get(url, { maxRedirects: 0 })).status();
	} finally {
		await context.close();
	}
}

test('a customer attaches a pasted screenshot and a log, staff answer with a PDF, others get 404', async ({
	browser,
}) => {
	test.setTimeout(120_000);
	const alice = await userPage(browser, 'alice');
	await alice.goto('/tickets/new');
	await alice.getByLabel('Subject').fill(`Checkout shows error 500 ${unique()}`);
	await alice.getByLabel('Description').fill('The screenshot and the storefront log are attached.');
	await alice.getByLabel('Category').selectOption({ label: 'Orders and payments' });
	await expect(alice.locator('[data-attachments][data-enhanced]')).toHaveCount(1);
	await expect(alice.locator('[data-attachments] .hint')).toContainText('10 MB each');
	await pasteImage(alice, '#f-description', await png(640, 400, '#cc3333'));
	await alice.getByLabel('Attach files').setInputFiles({
		name: 'storefront.log',
		mimeType: 'text/plain',
		buffer: LOG,
	});
	const uploads = alice.locator('[data-uploads] li[data-upload]');
	await expect(uploads).toHaveCount(2);
	await expect(uploads.first()).toContainText(/screenshot-.*\.png/);
	await expect(alice.getByRole('button', { name: 'Remove storefront.log' })).toBeVisible();
	await alice.getByRole('button', { name: 'Submit ticket' }).click();
	await expect(alice).toHaveURL(/\/tickets\/\d+\?created=1$/);
	const ticketPath = new URL(alice.url()).pathname;
	const thumbnail = alice.locator('.attachments img');
	await expect(thumbnail).toHaveCount(1);
	expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
	await expect(alice.locator('.attachments a', { hasText: 'storefront.log' })).toContainText(
		'storefront.log',
	);
	const customerFiles = await fileUrls(alice);
	expect(customerFiles).toHaveLength(2);

	// Staff answer with a PDF.
	const staff = await userPage(browser, 'staff');
	await staff.goto(ticketPath);
	await staff.locator('#reply-body').fill('The fix is in the attached PDF.');
	await staff.locator('#reply-files').setInputFiles({
		name: 'fix.pdf',
		mimeType: 'application/pdf',
		buffer: PDF,
	});
	await expect(staff.locator('#reply-files ~ [data-uploads] li[data-upload]')).toHaveCount(1);
	await staff.getByRole('button', { name: 'Send reply' }).click();
	await expect(staff.locator('.attachments a', { hasText: 'fix.pdf' })).toBeVisible();
	const pdfUrl = (await fileUrls(staff)).find((u) => u.endsWith('/fix.pdf'))!;
	const pdf = await alice.request.get(pdfUrl);
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect(pdf.headers()['content-disposition']).toMatch(/^attachment;/);
	expect(pdf.headers()['content-security-policy']).toMatch(/^sandbox/);
	expect(pdf.headers()['x-content-type-options']).toBe('nosniff');

	// Another customer, and a visitor, get 404 for every one of those files.
	for (const url of [...customerFiles, pdfUrl]) {
		expect(await statusAs(browser, 'bob', url), url).toBe(404);
		expect(await statusAs(browser, null, url), url).toBe(404);
	}
	await alice.context().close();
	await staff.context().close();
});

test('a developer places an uploaded image in a forum post', async ({ browser }) => {
	test.setTimeout(90_000);
	const dev = await userPage(browser, 'developer');
	await dev.goto('/forum/new');
	await dev.getByLabel('Category').selectOption({ label: 'General' });
	await dev.getByLabel('Title').fill(`A size chart under the product photos ${unique()}`);
	await dev.locator('#f-body').fill('This is how it should look:');
	await dev.locator('#f-attachments').setInputFiles({
		name: 'size-chart.png',
		mimeType: 'image/png',
		buffer: await png(500, 300, '#3366aa'),
	});
	await dev.getByRole('button', { name: 'Place in post' }).click();
	await expect(dev.locator('#f-body')).toHaveValue(
		/!\[size-chart\]\(\/files\/[0-9a-f-]+\/size-chart\.png\)/,
	);
	await dev.getByRole('button', { name: 'Create topic' }).click();
	await expect(dev).toHaveURL(/\/forum\/t\//);
	const inline = dev.locator('.post .prose img[src^="/files/"]');
	await expect(inline).toHaveCount(1);
	expect(await inline.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(500);
	await dev.context().close();
});

test('without JavaScript, a reply posts its file as multipart form data', async ({ browser }) => {
	const alice = await userPage(browser, 'alice', false);
	await alice.goto('/tickets/new');
	await alice.getByLabel('Subject').fill(`Prices are not updated ${unique()}`);
	await alice.getByLabel('Description').fill('The export is attached.');
	await alice.getByLabel('Attach files').setInputFiles({
		name: 'prices.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('sku,price\nA1,10\n'),
	});
	await alice.getByRole('button', { name: 'Submit ticket' }).click();
	await expect(alice).toHaveURL(/\/tickets\/\d+\?created=1$/);
	await expect(alice.locator('.attachments li', { hasText: 'prices.csv' })).toContainText(
		'CSV table',
	);
	// A refused file keeps everything typed and says why next to the control.
	await alice.locator('#reply-body').fill('And here is the page.');
	await alice.locator('#reply-files').setInputFiles({
		name: 'page.png',
		mimeType: 'image/png',
		buffer: Buffer.from('<!DOCTYPE html><script>alert(1)</script>'),
	});
	await alice.getByRole('button', { name: 'Send reply' }).click();
	await expect(alice.locator('#reply-files-error')).toContainText('HTML or SVG');
	await expect(alice.locator('#reply-body')).toHaveValue('And here is the page.');
	await alice.context().close();
});

test.describe('hostile uploads', () => {
	const { hostname, port } = new URL(BASE_URL);

	/** One raw request; the status, or 0 when the server closed the connection first. */
	function raw(headers: Record<string, string>, body: Buffer | null, chunks = 0): Promise<number> {
		return new Promise((resolve) => {
			const req = http.request(
				// A connection of its own: after a lying Content-Length a reused one is out of step.
				{ host: hostname, port, method: 'POST', path: '/api/attachments', headers, agent: false },
				(res) => {
					res.resume();
					resolve(res.statusCode ?? 0);
				},
			);
			req.on('error', () => resolve(0));
			if (body) req.end(body);
			else {
				const chunk = Buffer.alloc(256 * 1024, 'a');
				let sent = 0;
				const pump = () => {
					while (sent < chunks) {
						sent++;
						if (!req.write(chunk)) return void req.once('drain', pump);
					}
					req.end();
				};
				pump();
			}
		});
	}

	async function cookie(browser: Browser): Promise<string> {
		const context = await browser.newContext();
		const page = await context.newPage();
		await loginAs(page, 'bob');
		const state = await context.storageState();
		await context.close();
		return state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
	}

	function multipart(name: string, data: Buffer, boundary = 'hostile'): Buffer {
		return Buffer.concat([
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`,
			),
			data,
			Buffer.from(`\r\n--${boundary}--\r\n`),
		]);
	}

	test('refuses an HTML page renamed .png with a clear 400', async ({ browser }) => {
		const res = await (
			await userPage(browser, 'bob')
		).request.post('/api/attachments', {
			multipart: {
				attachments: {
					name: 'cat.png',
					mimeType: 'image/png',
					buffer: Buffer.from('<html><script>alert(1)</script></html>'),
				},
			},
			headers: { origin: BASE_URL },
		});
		expect(res.status()).toBe(400);
		expect((await res.json()).error.message).toContain('attachments.errors.markup');
	});

	test('answers 400 to multipart without boundary and to a body shorter than it claims', async ({
		browser,
	}) => {
		const session = await cookie(browser);
		const base = { cookie: session, origin: BASE_URL };
		const body = multipart('a.log', LOG);
		expect(
			await raw({ ...base, 'content-type': 'multipart/form-data' }, Buffer.from('--x\r\n\r\n')),
		).toBe(400);
		// Claims 30 bytes fewer than it sends: the form is cut before its end.
		const cut = body.subarray(0, body.length - 30);
		expect(
			await raw(
				{
					...base,
					'content-type': 'multipart/form-data; boundary=hostile',
					'content-length': String(cut.length),
				},
				cut,
			),
		).toBe(400);
	});

	test('answers 413 to a body that claims 30 MB, before reading it', async ({ browser }) => {
		const session = await cookie(browser);
		const status = await raw(
			{
				cookie: session,
				origin: BASE_URL,
				'content-type': 'multipart/form-data; boundary=hostile',
				'content-length': String(30 * MiB),
			},
			Buffer.from('--hostile\r\n'),
		);
		expect(status).toBe(413);
	});

	test('cuts a streamed 40 MB upload at the limit with 413', async ({ browser }) => {
		test.setTimeout(60_000);
		const session = await cookie(browser);
		const status = await raw(
			{
				cookie: session,
				origin: BASE_URL,
				'content-type': 'multipart/form-data; boundary=hostile',
			},
			null,
			160,
		);
		// 413, or the connection cut once the server stopped listening to the rest.
		expect([413, 0]).toContain(status);
	});
});
