// Browser side of Composer.astro: live preview while typing, through the same renderer the
// server uses (POST /api/markdown/preview). Without JS the "Preview" button does the same.

const DEBOUNCE_MS = 450;

export function enhanceComposers(root: ParentNode = document): void {
	for (const composer of root.querySelectorAll<HTMLElement>('[data-composer]')) {
		if (composer.dataset.enhanced) continue;
		composer.dataset.enhanced = '1';
		const textarea = composer.querySelector('textarea');
		const panel = composer.querySelector<HTMLElement>('[data-live-preview]');
		const body = composer.querySelector<HTMLElement>('[data-preview-body]');
		if (!textarea || !panel || !body) continue;
		let timer: ReturnType<typeof setTimeout> | undefined;
		let controller: AbortController | undefined;
		const update = async () => {
			const source = textarea.value;
			controller?.abort();
			if (!source.trim()) {
				panel.hidden = true;
				return;
			}
			controller = new AbortController();
			try {
				const res = await fetch('/api/markdown/preview', {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ source }),
					signal: controller.signal,
				});
				const data = (await res.json()) as { html?: string; error?: { message?: string } };
				if (res.ok && typeof data.html === 'string') {
					// The server's Markdown renderer output: escaped, URL-checked HTML.
					body.innerHTML = data.html;
				} else {
					body.textContent = data.error?.message ?? 'Preview unavailable.';
				}
				panel.hidden = false;
			} catch (error) {
				if ((error as Error).name !== 'AbortError') body.textContent = 'Preview unavailable.';
			}
		};
		textarea.addEventListener('input', () => {
			clearTimeout(timer);
			timer = setTimeout(update, DEBOUNCE_MS);
		});
		// Text put in by a quote button counts as typing.
		textarea.addEventListener('composer:changed', () => void update());
	}
}
