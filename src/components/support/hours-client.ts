import type { SlaResponse, StatusResponse } from '#server/support/support.service.ts';
import { isoDateInZone } from '#lib/dates.ts';
import {
	badgeText,
	departmentText,
	instantText,
	type DepartmentState,
	type Zones,
} from '#lib/support-hours.ts';

/**
 * Browser side of the live hours components: every 30 s (and when the tab comes back) it asks
 * the API about the browser's current time and re-renders every panel, badge and target list
 * on the page, adding the visitor's own time zone. The server-rendered text stays if the API
 * cannot be reached.
 *
 * NOTE: "now" is the browser's clock, so countdowns match what the visitor's clock shows.
 */

const REFRESH_MS = 30_000;
const SEVERITY_LEVELS = [1, 2, 3, 4] as const;

function visitorZone(): string | undefined {
	return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
}

function zonesOf(el: HTMLElement): Zones {
	return {
		zone: el.dataset.zone ?? 'UTC',
		zoneLabel: el.dataset.zoneLabel ?? '',
		visitorZone: visitorZone(),
	};
}

function toState(
	s: StatusResponse['departments'][keyof StatusResponse['departments']],
): DepartmentState {
	return {
		open: s.open,
		closesAt: s.closesAt === null ? null : new Date(s.closesAt),
		opensAt: s.opensAt === null ? null : new Date(s.opensAt),
	};
}

function setText(root: ParentNode, selector: string, text: string): void {
	const el = root.querySelector<HTMLElement>(selector);
	if (!el) return;
	if (el.textContent !== text) el.textContent = text;
	el.hidden = text === '';
}

function renderPanel(panel: HTMLElement, status: StatusResponse, now: Date): void {
	const zones = zonesOf(panel);
	const changes: string[] = [];
	for (const item of panel.querySelectorAll<HTMLElement>('[data-department]')) {
		const raw = status.departments[item.dataset.department as keyof StatusResponse['departments']];
		if (!raw) continue;
		const text = departmentText(toState(raw), now, zones);
		const open = String(raw.open);
		if (item.dataset.open !== open) {
			changes.push(`${item.dataset.name ?? ''} is now ${raw.open ? 'open' : 'closed'}.`);
			item.dataset.open = open;
		}
		setText(item, '[data-state]', text.state);
		setText(item, '[data-detail]', text.detail);
		setText(item, '[data-local]', text.local);
	}
	const note = panel.querySelector<HTMLElement>('[data-duty-note]');
	if (note) {
		const offDays = (panel.dataset.offDays ?? '').split(',');
		note.hidden = !offDays.includes(isoDateInZone(now, zones.zone));
	}
	const zone = zones.visitorZone;
	setText(
		panel,
		'[data-visitor-zone]',
		zone && zone !== zones.zone ? ` and in your time zone (${zone})` : '',
	);
	// Announce only real changes, so screen readers are not interrupted every 30 s.
	if (changes.length > 0) setText(panel, '[data-announce]', changes.join(' '));
}

function renderBadge(badge: HTMLElement, status: StatusResponse, now: Date): void {
	const states = Object.values(status.departments).map(toState);
	badge.dataset.open = String(states.some((s) => s.open));
	setText(badge, '[data-badge-text]', badgeText(states, now, zonesOf(badge)));
}

function renderTargets(list: HTMLElement, slas: readonly SlaResponse[], now: Date): void {
	const zones = zonesOf(list);
	for (const sla of slas) {
		const item = list.querySelector<HTMLElement>(`[data-severity="${sla.severity}"]`);
		if (!item) continue;
		const text = instantText(new Date(sla.firstResponseDue), now, zones);
		setText(item, '[data-due]', text.main);
		setText(item, '[data-local]', text.local);
	}
	const first = slas[0];
	if (first) {
		const text = instantText(new Date(first.resolutionDue), now, zones);
		setText(list, '[data-resolution]', text.main);
		setText(list, '[data-resolution-local]', text.local);
	}
}

async function getJson<T>(path: string): Promise<T> {
	const response = await fetch(path, { headers: { Accept: 'application/json' } });
	if (!response.ok) throw new Error(`${path} answered ${response.status}`);
	return (await response.json()) as T;
}

async function refresh(): Promise<void> {
	const now = new Date();
	const at = encodeURIComponent(now.toISOString());
	const panels = [...document.querySelectorAll<HTMLElement>('[data-support-hours]')];
	const badges = [...document.querySelectorAll<HTMLElement>('[data-support-badge]')];
	const targets = [...document.querySelectorAll<HTMLElement>('[data-response-targets]')];
	try {
		if (panels.length + badges.length > 0) {
			const status = await getJson<StatusResponse>(`/api/support/status?at=${at}`);
			for (const panel of panels) renderPanel(panel, status, now);
			for (const badge of badges) renderBadge(badge, status, now);
		}
		if (targets.length > 0) {
			const slas = await Promise.all(
				SEVERITY_LEVELS.map((s) => getJson<SlaResponse>(`/api/support/sla?severity=${s}&at=${at}`)),
			);
			for (const list of targets) renderTargets(list, slas, now);
		}
	} catch (error) {
		console.warn('Support hours could not be refreshed; showing the last known times.', error);
	}
}

/** Marks the severity chosen in the form control named by `data-severity-field`. */
function followSeverityFields(): void {
	for (const list of document.querySelectorAll<HTMLElement>(
		'[data-response-targets][data-severity-field]',
	)) {
		const field = list.dataset.severityField ?? '';
		const highlight = (value: string): void => {
			for (const item of list.querySelectorAll<HTMLElement>('[data-severity]')) {
				const chosen = item.dataset.severity === value;
				item.toggleAttribute('data-highlighted', chosen);
				const label = item.querySelector<HTMLElement>('[data-chosen-label]');
				if (label) label.hidden = !chosen;
			}
		};
		document.addEventListener('change', (event) => {
			const target = event.target;
			if (
				(target instanceof HTMLSelectElement || target instanceof HTMLInputElement) &&
				target.name === field
			) {
				highlight(target.value);
			}
		});
	}
}

let started = false;

/** Starts the shared refresh loop once per page, whichever component asks first. */
export function startSupportHours(): void {
	if (started) return;
	started = true;
	followSeverityFields();
	void refresh();
	setInterval(() => void refresh(), REFRESH_MS);
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') void refresh();
	});
}
