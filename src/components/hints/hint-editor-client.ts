// Enhances the hint editor: a live preview rendered by the server's own Markdown renderer (the
// same HTML readers get), and the address filled from the title on new hints.
import { slugifyTitle } from '../../lib/hint-slug.ts';

const PREVIEW_DELAY_MS = 350;

function enhancePreview(form: HTMLFormElement): void {
	const body = form.querySelector<HTMLTextAreaElement>('textarea[name="body"]');
	const target = form.querySelector<HTMLElement>('[data-preview]');
	const button = form.querySelector<HTMLButtonElement>('[data-preview-button]');
	if (!body || !target) return;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let latest = 0;

	const refresh = async () => {
		const ticket = ++latest;
		try {
			const res = await fetch('/api/hints/preview', {
				method: 'POST',
				headers: { 'content-type': 'application/json', accept: 'application/json' },
				body: JSON.stringify({ body: body.value }),
			});
			const data = (await res.json()) as { html?: string; error?: { message?: string } };
			if (ticket !== latest) return;
			if (res.ok && typeof data.html === 'string') {
				// Output of the portal's Markdown renderer: raw HTML is off and URLs are filtered.
				target.innerHTML = data.html || '<p class="muted">Nothing to preview yet.</p>';
				target.removeAttribute('data-preview-error');
			} else {
				target.setAttribute('data-preview-error', '');
				target.textContent = data.error?.message ?? 'The preview is not available.';
			}
		} catch {
			if (ticket === latest) target.textContent = 'The preview is not available (no connection).';
		}
	};

	body.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(() => void refresh(), PREVIEW_DELAY_MS);
	});
	// With the live preview, the no-JS "Preview" round trip is not needed.
	button?.addEventListener('click', (event) => {
		event.preventDefault();
		clearTimeout(timer);
		void refresh();
	});
}

function enhanceSlug(form: HTMLFormElement): void {
	if (!form.hasAttribute('data-auto-slug')) return;
	const title = form.querySelector<HTMLInputElement>('input[name="title"]');
	const slug = form.querySelector<HTMLInputElement>('input[name="slug"]');
	if (!title || !slug) return;
	let touched = slug.value !== '' && slug.value !== slugifyTitle(title.value);
	slug.addEventListener('input', () => {
		touched = slug.value !== '';
	});
	title.addEventListener('input', () => {
		if (!touched) slug.value = slugifyTitle(title.value);
	});
}

export function enhanceHintForms(): void {
	for (const form of document.querySelectorAll<HTMLFormElement>('form[data-hint-form]')) {
		enhancePreview(form);
		enhanceSlug(form);
	}
}
