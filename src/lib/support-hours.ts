import { formatDuration, formatRelativeDay, formatRelativeTime, formatTime } from './dates.ts';

/**
 * Phrases of the live support-hours panel, shared by the server render (Moscow time only)
 * and the browser script (which adds the visitor's own time zone).
 */

export interface DepartmentState {
	open: boolean;
	closesAt: Date | null;
	opensAt: Date | null;
}

export interface Zones {
	/** The policy's zone, e.g. Europe/Moscow. */
	zone: string;
	/** Its short label, e.g. MSK. */
	zoneLabel: string;
	/** The visitor's zone; absent on the server, which cannot know it. */
	visitorZone?: string | undefined;
}

export interface InstantText {
	/** In the policy's zone: "Monday 07:00 MSK". */
	main: string;
	/** In the visitor's zone: "(Sunday 23:00 your time)", or '' when unknown or identical. */
	local: string;
}

/** An upcoming instant as seen from `now`, in the policy's zone and the visitor's. */
export function instantText(date: Date, now: Date, zones: Zones): InstantText {
	const main = `${formatRelativeTime(date, now, zones.zone)} ${zones.zoneLabel}`;
	return { main, local: localText(date, now, zones) };
}

function localText(date: Date, now: Date, zones: Zones): string {
	const { zone, visitorZone } = zones;
	if (!visitorZone) return '';
	const sameDay = formatRelativeDay(date, now, zone) === formatRelativeDay(date, now, visitorZone);
	const sameTime = formatTime(date, zone) === formatTime(date, visitorZone);
	if (sameDay && sameTime) return '';
	const text = sameDay ? formatTime(date, visitorZone) : formatRelativeTime(date, now, visitorZone);
	return `(${text} your time)`;
}

export interface DepartmentText {
	/** "Open" or "Closed": the state in words, so colour is never the only signal. */
	state: string;
	/** "closes in 2 h 10 min, at 17:00 MSK" or "opens Monday 07:00 MSK". */
	detail: string;
	/** The same instant in the visitor's zone, or ''. */
	local: string;
}

/** What the panel says about one department at `now`. */
export function departmentText(state: DepartmentState, now: Date, zones: Zones): DepartmentText {
	if (state.open && state.closesAt) {
		const closes = state.closesAt;
		return {
			state: 'Open',
			detail: `closes in ${formatDuration(closes.getTime() - now.getTime())}, at ${formatTime(closes, zones.zone)} ${zones.zoneLabel}`,
			local: localText(closes, now, zones),
		};
	}
	if (state.opensAt) {
		const opens = instantText(state.opensAt, now, zones);
		return { state: 'Closed', detail: `opens ${opens.main}`, local: opens.local };
	}
	return { state: state.open ? 'Open' : 'Closed', detail: '', local: '' };
}

/** The compact header line: "Support open · closes in 2 h" or "Support closed · opens Monday 07:00 MSK". */
export function badgeText(states: readonly DepartmentState[], now: Date, zones: Zones): string {
	const closings = states.flatMap((s) => (s.open && s.closesAt ? [s.closesAt.getTime()] : []));
	if (closings.length > 0) {
		return `Support open · closes in ${formatDuration(Math.max(...closings) - now.getTime())}`;
	}
	const openings = states.flatMap((s) => (s.opensAt ? [s.opensAt.getTime()] : []));
	if (openings.length === 0) return 'Support closed';
	const first = instantText(new Date(Math.min(...openings)), now, zones);
	return `Support closed · opens ${first.main}`;
}
