/** A link to a search result that counts the click (see src/pages/search/go.ts). */
export function trackedResultUrl(url: string, q: string): string {
	return `/search/go?${new URLSearchParams({ to: url, q: q.slice(0, 200) })}`;
}
