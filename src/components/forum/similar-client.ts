// Suggests similar topics and manual pages while a new topic is typed (GET /api/forum/similar).

interface Result {
	kind: 'topic' | 'manual';
	title: string;
	url: string;
	snippet: string;
}

const DEBOUNCE_MS = 400;

export function watchSimilar(selectors: { title: string; body: string; results: string }): void {
	const title = document.querySelector<HTMLInputElement>(selectors.title);
	const body = document.querySelector<HTMLTextAreaElement>(selectors.body);
	const results = document.querySelector<HTMLElement>(selectors.results);
	if (!title || !results) return;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let controller: AbortController | undefined;
	let lastQuery = '';
	const run = async () => {
		// The title says most; the start of the body helps when the title is short.
		const q = `${title.value} ${(body?.value ?? '').slice(0, 200)}`.replace(/\s+/g, ' ').trim();
		if (q === lastQuery) return;
		lastQuery = q;
		controller?.abort();
		if (q.length < 3) return;
		controller = new AbortController();
		try {
			const res = await fetch(`/api/forum/similar?q=${encodeURIComponent(q)}`, {
				signal: controller.signal,
			});
			if (!res.ok) return;
			const data = (await res.json()) as { results: Result[] };
			render(results, data.results);
		} catch (error) {
			if ((error as Error).name !== 'AbortError') console.warn('similar topics unavailable', error);
		}
	};
	const schedule = () => {
		clearTimeout(timer);
		timer = setTimeout(run, DEBOUNCE_MS);
	};
	title.addEventListener('input', schedule);
	body?.addEventListener('input', schedule);
}

function render(container: HTMLElement, items: Result[]): void {
	if (items.length === 0) {
		const p = document.createElement('p');
		p.className = 'small muted';
		p.textContent = 'Nothing similar found.';
		container.replaceChildren(p);
		return;
	}
	const list = document.createElement('ul');
	list.className = 'similar-live';
	for (const item of items) {
		const li = document.createElement('li');
		const badge = document.createElement('span');
		badge.className = 'badge';
		badge.textContent = item.kind === 'manual' ? 'Manual' : 'Topic';
		const link = document.createElement('a');
		link.href = item.url.startsWith('/') ? item.url : '#';
		link.textContent = item.title;
		li.append(badge, ' ', link);
		if (item.snippet) {
			const p = document.createElement('p');
			p.className = 'small muted';
			p.textContent = item.snippet;
			li.append(p);
		}
		list.append(li);
	}
	container.replaceChildren(list);
}
