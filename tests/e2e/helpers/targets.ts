// How the shared page and route tables name a URL: a fixed path, or a resolver that finds one
// (e.g. the first topic listed on /forum) when the test runs.
import { requestAs, type Viewer } from './viewers.ts';

export type PathResolver = () => Promise<string | undefined>;
export type Target = string | PathResolver;

/** The path of `target`, or undefined when a resolver found nothing to point at. */
export async function resolveTarget(target: Target): Promise<string | undefined> {
	return typeof target === 'string' ? target : target();
}

/** The first same-site link on `listPath` (as seen by `viewer`) whose path matches `pattern`. */
export function firstLink(
	listPath: string,
	pattern: RegExp,
	viewer: Viewer = 'anonymous',
): PathResolver {
	return async () => {
		const api = await requestAs(viewer);
		try {
			const res = await api.get(listPath);
			if (!res.ok()) return undefined;
			for (const [, href] of (await res.text()).matchAll(/href="([^"]+)"/g)) {
				const path = href!.replaceAll('&amp;', '&');
				if (pattern.test(path)) return path;
			}
			return undefined;
		} finally {
			await api.dispose();
		}
	};
}

export function describeTarget(target: Target): string {
	return typeof target === 'string' ? target : '(resolved)';
}
