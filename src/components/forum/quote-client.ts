// "Quote" links put the quoted post into the reply box without reloading the page (the link
// itself, `?quote=<id>#reply`, does the same server-side without JS).

export function enhanceQuotes(): void {
	const textarea = document.querySelector<HTMLTextAreaElement>('#reply-body');
	if (!textarea) return;
	document.addEventListener('click', async (event) => {
		const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-quote]');
		if (!link) return;
		event.preventDefault();
		try {
			const res = await fetch(
				`/api/forum/posts/${encodeURIComponent(link.dataset.quote ?? '')}/quote`,
			);
			if (!res.ok) throw new Error(String(res.status));
			const { markdown } = (await res.json()) as { markdown: string };
			const before = textarea.value.slice(0, textarea.selectionStart);
			const after = textarea.value.slice(textarea.selectionEnd);
			const gap = before && !before.endsWith('\n\n') ? (before.endsWith('\n') ? '\n' : '\n\n') : '';
			textarea.value = `${before}${gap}${markdown}${after}`;
			const caret = before.length + gap.length + markdown.length;
			textarea.focus();
			textarea.setSelectionRange(caret, caret);
			textarea.dispatchEvent(new Event('composer:changed'));
			textarea.scrollIntoView({ block: 'center' });
		} catch {
			window.location.href = link.href;
		}
	});
}
