import type { SimilarRequests } from '#server/tickets/similar.service.ts';

/**
 * Enhancements of the new-ticket form (it works without them):
 * - "expect a first response by …" follows the chosen severity, reading the live targets list;
 * - similar open tickets and forum topics appear while the customer types (debounced);
 * - a draft is kept in sessionStorage, so nothing typed is lost on a detour (log in, reload).
 */

const DRAFT_KEY = 'ot-ticket-draft';
const DRAFT_FIELDS = ['subject', 'description', 'category', 'siteUrl'] as const;
const DEBOUNCE_MS = 500;

function field(
	form: HTMLFormElement,
	name: string,
): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null {
	const el = form.elements.namedItem(name);
	return el instanceof HTMLInputElement ||
		el instanceof HTMLTextAreaElement ||
		el instanceof HTMLSelectElement
		? el
		: null;
}

function chosenSeverity(form: HTMLFormElement): string | undefined {
	return form.querySelector<HTMLInputElement>('input[name="severity"]:checked')?.value;
}

function updateExpect(form: HTMLFormElement): void {
	const picker = form.querySelector<HTMLElement>('[data-severity-picker]');
	const line = picker?.querySelector<HTMLElement>('[data-expect-line]');
	const target = line?.querySelector<HTMLElement>('[data-expect-text]');
	if (!picker || !line || !target) return;
	const severity = chosenSeverity(form);
	if (!severity) {
		line.hidden = true;
		return;
	}
	// The targets list is refreshed live by the hours script; fall back to the server's text.
	const live = document.querySelector<HTMLElement>(
		`[data-response-targets] [data-severity="${severity}"] [data-due]`,
	);
	const texts = JSON.parse(picker.dataset.expectTexts ?? '{}') as Record<string, string>;
	const text = live?.textContent?.trim() || texts[severity] || '';
	if (target.textContent !== text) target.textContent = text;
	line.hidden = text === '';
}

function saveDraft(form: HTMLFormElement): void {
	const draft: Record<string, string> = {};
	for (const name of DRAFT_FIELDS) draft[name] = field(form, name)?.value ?? '';
	draft.severity = chosenSeverity(form) ?? '';
	try {
		sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
	} catch {
		// Storage full or disabled: the draft is a convenience only.
	}
}

function restoreDraft(form: HTMLFormElement): void {
	let draft: Record<string, string> = {};
	try {
		draft = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? '{}') as Record<string, string>;
	} catch {
		return;
	}
	// Only into an untouched form: what the server rendered (an error, a prefill) wins.
	const subject = field(form, 'subject');
	const description = field(form, 'description');
	if (!subject || !description || subject.value !== '' || description.value !== '') return;
	for (const name of DRAFT_FIELDS) {
		const el = field(form, name);
		const value = draft[name];
		if (el && value) el.value = value;
	}
	if (draft.severity) {
		const radio = form.querySelector<HTMLInputElement>(
			`input[name="severity"][value="${CSS.escape(draft.severity)}"]`,
		);
		if (radio) radio.checked = true;
	}
}

function renderSimilar(section: HTMLElement, data: SimilarRequests): void {
	const results = section.querySelector<HTMLElement>('[data-similar-results]');
	if (!results) return;
	results.replaceChildren();
	const list = (items: HTMLLIElement[], attr: string) => {
		if (items.length === 0) return;
		const ul = document.createElement('ul');
		ul.className = 'hits';
		ul.setAttribute(attr, '');
		ul.append(...items);
		results.append(ul);
	};
	list(
		data.tickets.map((t) => {
			const li = document.createElement('li');
			const a = document.createElement('a');
			a.href = t.url;
			a.textContent = `#${t.number} “${t.subject}”`;
			li.append('This looks like ', a, `, still ${t.statusLabel.toLowerCase()}.`);
			return li;
		}),
		'data-similar-tickets',
	);
	list(
		data.topics.map((t) => {
			const li = document.createElement('li');
			const a = document.createElement('a');
			a.href = t.url;
			a.textContent = t.title;
			li.append('Forum: ', a, t.solved ? ' (solved)' : '');
			return li;
		}),
		'data-similar-topics',
	);
	section.hidden = data.tickets.length + data.topics.length === 0;
}

function watchSimilar(form: HTMLFormElement): void {
	const section = document.querySelector<HTMLElement>('[data-similar]');
	const subject = field(form, 'subject');
	const description = field(form, 'description');
	if (!section || !subject || !description) return;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let controller: AbortController | undefined;
	let last = '';
	const check = async () => {
		const params = new URLSearchParams({
			subject: subject.value.slice(0, 200),
			q: description.value.slice(0, 2000),
		});
		const key = params.toString();
		if (key === last) return;
		last = key;
		controller?.abort();
		controller = new AbortController();
		try {
			const response = await fetch(`/api/tickets/similar?${key}`, {
				headers: { accept: 'application/json' },
				signal: controller.signal,
			});
			if (!response.ok) return;
			renderSimilar(section, (await response.json()) as SimilarRequests);
		} catch (error) {
			if ((error as Error).name !== 'AbortError')
				console.warn('Similar requests could not be checked.', error);
		}
	};
	const schedule = () => {
		clearTimeout(timer);
		timer = setTimeout(() => void check(), DEBOUNCE_MS);
	};
	subject.addEventListener('input', schedule);
	description.addEventListener('input', schedule);
	if (subject.value || description.value) schedule();
}

export function startNewTicketForm(): void {
	const form = document.querySelector<HTMLFormElement>('form[data-new-ticket]');
	if (!form) return;
	restoreDraft(form);
	updateExpect(form);
	form.addEventListener('change', (event) => {
		if (event.target instanceof HTMLInputElement && event.target.name === 'severity')
			updateExpect(form);
	});
	form.addEventListener('input', () => saveDraft(form));
	form.addEventListener('change', () => saveDraft(form));
	setInterval(() => updateExpect(form), 30_000);
	watchSimilar(form);
	// The no-JS "check" button is not needed when results appear live.
	form.querySelector<HTMLElement>('[data-check-similar]')?.setAttribute('hidden', '');
}

/** Called on the page of a ticket just created: the draft has become a ticket. */
export function clearTicketDraft(): void {
	try {
		sessionStorage.removeItem(DRAFT_KEY);
	} catch {
		// nothing to clear
	}
}
