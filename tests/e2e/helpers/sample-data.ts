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
