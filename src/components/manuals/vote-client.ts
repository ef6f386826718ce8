// Enhances the "Was this page helpful?" form: sends the vote with fetch and thanks inline,
// instead of the no-JS round trip through a redirect.

const THANKS = 'Thank you! Your answer helps us improve this page.';

async function send(form: HTMLFormElement, submitter: HTMLElement | null, status: HTMLElement) {
	const data = new FormData(form, submitter);
	const buttons = form.querySelectorAll('button');
	buttons.forEach((b) => (b.disabled = true));
	try {
		const res = await fetch(form.action, {
			method: 'POST',
			body: data,
			headers: { accept: 'application/json' },
		});
		if (res.ok) {
			status.textContent = THANKS;
			return;
		}
		const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
		status.textContent =
			body?.error?.message ?? 'We could not record your answer. Please try again later.';
	} catch {
		status.textContent = 'We could not reach the server. Please try again later.';
	} finally {
		buttons.forEach((b) => (b.disabled = false));
	}
}

export function enhanceVoteForms(): void {
	for (const form of document.querySelectorAll<HTMLFormElement>('form[data-vote-form]')) {
		const status = form.parentElement?.querySelector<HTMLElement>('[data-vote-status]');
		if (!status) continue;
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			void send(form, event.submitter, status);
		});
	}
}
