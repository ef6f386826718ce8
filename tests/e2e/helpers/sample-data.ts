// Resolvers that make the data a page or route needs (a topic, a customer's ticket), once per
// worker, through the app's own form actions.
import { BASE_URL } from './base-url.ts';
import type { PathResolver } from './targets.ts';
import { fakeClientAddress, requestAs, type Viewer } from './viewers.ts';

async function postForm(
	viewer: Viewer,
	path: string,
	form: Record<string, string>,
): Promise<string | undefined> {
	const api = await requestAs(viewer);
	try {
		const res = await api.post(path, {
			form,
			headers: { origin: BASE_URL, 'x-forwarded-for': fakeClientAddress() },
			maxRedirects: 0,
		});
		return res.status() === 303 ? (res.headers()['location'] ?? undefined) : undefined;
	} finally {
		await api.dispose();
	}
}

function once(make: () => Promise<string | undefined>): PathResolver {
	let made: Promise<string | undefined> | undefined;
	return () => (made ??= make());
}

/**
 * A forum topic staff start (staff have no posting limit). NOTE: never "the first topic on /forum":
 * the fuzz test (support/write-surfaces.ts) creates and deletes topics while other specs run.
 */
export const aTopic: PathResolver = once(async () => {
	const location = await postForm('staff', '/forum/new?_action=forum.createTopic', {
		categorySlug: 'design-changes',
		title: `Moving the cart button above the photos ${Date.now().toString(36)}`,
		body: 'We want the **Add to cart** button above the gallery on mobile.\n\n```css\n.buy { order: -1; }\n```',
	});
	return location?.split('#')[0];
});

/** A ticket the access matrix's `customer` opened. */
export const customerTicket: PathResolver = once(async () => {
	const location = await postForm('customer', '/tickets/new?_action=tickets.create', {
		subject: `Checkout button does nothing ${Date.now().toString(36)}`,
		description: 'Customers click the checkout button and nothing happens since this morning.',
		severity: '2',
		category: 'orders-payments',
	});
	return location?.split('#')[0];
});

/** The number of `customerTicket`, for action inputs. */
export async function customerTicketNumber(): Promise<string | undefined> {
	return (await customerTicket())?.match(/\/tickets\/(\d+)/)?.[1];
}

/**
 * A hint that ships in content/hints/. NOTE: not "the first hint on /hints": the fuzz test
 * publishes and archives hints while other specs run.
 */
export const SAMPLE_HINT = '/hints/nginx-static-caching';

/** The id of `aTopic`, for action inputs. */
export async function aTopicId(): Promise<string | undefined> {
	return (await aTopic())?.match(
		/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
	)?.[1];
}

/** The id of `aTopic`'s first post (staff wrote it), read from the topic page's post anchors. */
export const aTopicFirstPostId = once(async () => {
	const path = await aTopic();
	if (!path) return undefined;
	const api = await requestAs('anonymous');
	try {
		const res = await api.get(path);
		return (await res.text()).match(/id="post-([0-9a-f-]{36})"/)?.[1];
	} finally {
		await api.dispose();
	}
});

/** Uploads one file as `viewer` (POST /api/attachments); its id and URL, not sent yet. */
async function uploadAs(
	viewer: Viewer,
	name: string,
	data: Buffer,
	mimeType = 'application/octet-stream',
): Promise<{ id: string; url: string } | undefined> {
	const api = await requestAs(viewer);
	try {
		const res = await api.post('/api/attachments', {
			multipart: { attachments: { name, mimeType, buffer: data } },
			headers: { origin: BASE_URL },
		});
		if (res.status() !== 201) return undefined;
		const body = (await res.json()) as { files: { id: string; url: string }[] };
		return body.files[0];
	} finally {
		await api.dispose();
	}
}

/** A log the access matrix's `customer` attached to a reply on `customerTicket`. */
export const customerTicketFile: PathResolver = once(async () => {
	const number = await customerTicketNumber();
	const file = await uploadAs('customer', 'storefront.log', Buffer.from('ERROR checkout 500\n'));
	if (!number || !file) return undefined;
	const sent = await postForm('customer', `/tickets/${number}?_upload=reply`, {
		number,
		body: 'The log of the failing checkout.',
		attachment: file.id,
	});
	return sent ? file.url : undefined;
});

/** A file staff attached to an internal note on `customerTicket`. */
export const internalNoteFile: PathResolver = once(async () => {
	const number = await customerTicketNumber();
	const file = await uploadAs('staff', 'server.log', Buffer.from('internal: upstream timeout\n'));
	if (!number || !file) return undefined;
	const sent = await postForm('staff', `/tickets/${number}?_upload=note`, {
		number,
		body: 'Their server log, for us only.',
		attachment: file.id,
	});
	return sent ? file.url : undefined;
});

/** A file on a forum topic staff started (public). */
export const forumPostFile: PathResolver = once(async () => {
	const file = await uploadAs('staff', 'layout.txt', Buffer.from('cart above gallery\n'));
	if (!file) return undefined;
	const sent = await postForm('staff', '/forum/new?_upload=topic', {
		categorySlug: 'design-changes',
		title: `A layout sketch for the cart ${Date.now().toString(36)}`,
		body: 'The sketch is attached.',
		attachment: file.id,
	});
	return sent ? file.url : undefined;
});

/** A file the access matrix's `customer` uploaded and has not sent. */
export const pendingFile: PathResolver = once(
	async () => (await uploadAs('customer', 'draft.log', Buffer.from('not sent yet\n')))?.url,
);
