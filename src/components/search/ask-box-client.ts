import {
	isRouteName,
	routeStep,
	type AskContext,
	type ChatInfo,
	type RouteStep,
} from '#lib/route-steps.ts';
import { trackedResultUrl } from '#lib/search-links.ts';
import type { SuggestResponse } from '#server/search/suggest.service.ts';

/**
 * Browser side of AskBox.astro: 250 ms after typing stops, asks /api/suggest and shows the
 * route card and the suggestions. Builds DOM with textContent only (no HTML from the server).
 * Arrow keys move between the input and the suggestions; Escape goes back to the input.
 */
const DEBOUNCE_MS = 250;
const MIN_CHARS = 3;
const KIND_LABELS: Record<string, string> = { manual: 'Manual', hint: 'Hint', topic: 'Forum' };

export function startAskBoxes(): void {
	for (const box of document.querySelectorAll<HTMLElement>(
		'[data-ask-box]:not([data-ask-ready])',
	)) {
		box.dataset.askReady = 'true';
		const input = box.dataset.for
			? document.getElementById(box.dataset.for)
			: box.querySelector('[data-ask-input]');
		if (input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)
			attach(box, input);
	}
}

function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	props: { className?: string; text?: string } = {},
	...children: Node[]
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (props.className) node.className = props.className;
	if (props.text !== undefined) node.textContent = props.text;
	node.append(...children);
	return node;
}

function renderRouteCard(step: RouteStep, reason: string): HTMLElement {
	const card = el('section', { className: 'route-card' });
	card.dataset.route = step.route;
	card.setAttribute('aria-label', step.title);
	card.append(el('h2', { text: step.title }), el('p', { className: 'reason', text: reason }));
	if (step.href) {
		const link = el('a', { className: 'route-action', text: step.action });
		link.href = step.href;
		if (step.external) {
			link.target = '_blank';
			link.rel = 'noopener';
		}
		card.append(el('p', {}, link));
	}
	card.append(el('p', { className: 'note', text: step.note }));
	return card;
}

function attach(box: HTMLElement, input: HTMLInputElement | HTMLTextAreaElement): void {
	const context = (box.dataset.context ?? 'home') as AskContext;
	const chat = JSON.parse(box.dataset.chat ?? '{}') as ChatInfo;
	const panel = box.querySelector<HTMLElement>('[data-ask-panel]');
	const routeSlot = box.querySelector<HTMLElement>('[data-ask-route]');
	const list = box.querySelector<HTMLUListElement>('[data-ask-results]');
	const heading = box.querySelector<HTMLElement>('[data-ask-results-heading]');
	const status = box.querySelector<HTMLElement>('[data-ask-status]');
	if (!panel || !routeSlot || !list || !heading || !status) return;
	let timer: number | undefined;
	let controller: AbortController | undefined;
	let shown = '';

	const clear = () => {
		panel.hidden = true;
		routeSlot.replaceChildren();
		list.replaceChildren();
		shown = '';
	};

	const show = (q: string, data: SuggestResponse) => {
		shown = q;
		routeSlot.replaceChildren();
		if (isRouteName(data.route))
			routeSlot.append(renderRouteCard(routeStep(data.route, q, chat, context), data.reason));
		list.replaceChildren(
			...data.results.map((r) => {
				const link = el(
					'a',
					{},
					el('span', { className: 's-kind badge', text: KIND_LABELS[r.kind] ?? r.kind }),
					el('span', { className: 's-title', text: r.title }),
					el('span', { className: 's-snippet', text: r.snippet }),
				);
				link.href = trackedResultUrl(r.url, q);
				link.dataset.suggestion = 'true';
				return el('li', {}, link);
			}),
		);
		heading.hidden = data.results.length === 0;
		panel.hidden = false;
		const count =
			data.results.length === 0
				? 'No matching articles.'
				: `${data.results.length} suggested ${data.results.length === 1 ? 'answer' : 'answers'}.`;
		const step = isRouteName(data.route) ? routeStep(data.route, q, chat, context) : undefined;
		status.textContent = step ? `${count} ${step.title}.` : count;
	};

	const run = async () => {
		const q = input.value.trim();
		if ([...q].length < MIN_CHARS) {
			controller?.abort();
			clear();
			status.textContent = '';
			return;
		}
		if (q === shown) return;
		controller?.abort();
		controller = new AbortController();
		try {
			const response = await fetch(`/api/suggest?${new URLSearchParams({ q })}`, {
				signal: controller.signal,
				headers: { accept: 'application/json' },
			});
			if (!response.ok) return;
			show(q, (await response.json()) as SuggestResponse);
		} catch (error) {
			if ((error as Error).name !== 'AbortError')
				status.textContent = 'Suggestions are unavailable right now.';
		}
	};

	input.addEventListener('input', () => {
		window.clearTimeout(timer);
		timer = window.setTimeout(() => void run(), DEBOUNCE_MS);
	});

	const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a[data-suggestion]')];
	input.addEventListener('keydown', (event: Event) => {
		if (!(event instanceof KeyboardEvent)) return;
		if (event.key === 'ArrowDown' && !panel.hidden && links().length > 0) {
			event.preventDefault();
			links()[0]?.focus();
		}
	});
	list.addEventListener('keydown', (event) => {
		const all = links();
		const index = all.indexOf(document.activeElement as HTMLAnchorElement);
		if (index === -1) return;
		if (event.key === 'ArrowDown') {
			event.preventDefault();
			all[Math.min(index + 1, all.length - 1)]?.focus();
		} else if (event.key === 'ArrowUp') {
			event.preventDefault();
			if (index === 0) input.focus();
			else all[index - 1]?.focus();
		} else if (event.key === 'Escape') {
			event.preventDefault();
			input.focus();
		}
	});

	if (input.value.trim()) void run();
}
