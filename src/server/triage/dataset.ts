import { isRoute, type Route } from './routes.ts';

export interface LabelledQuestion {
	readonly route: Route;
	readonly question: string;
}

/**
 * Parse `route<TAB>question` lines. A first line starting with "route" is a header; blank
 * lines and lines starting with '#' are skipped.
 * @throws Error naming the line when a route is unknown or the tab is missing.
 */
export function parseRoutingTsv(text: string): LabelledQuestion[] {
	const rows: LabelledQuestion[] = [];
	text.split(/\r?\n/).forEach((line, i) => {
		if (line.trim() === '' || line.startsWith('#')) return;
		if (i === 0 && /^route\t/i.test(line)) return;
		const tab = line.indexOf('\t');
		const route = tab < 0 ? '' : line.slice(0, tab).trim();
		if (!isRoute(route))
			throw new Error(`line ${i + 1}: expected "route<TAB>question", got ${JSON.stringify(line)}`);
		rows.push({ route, question: line.slice(tab + 1).trim() });
	});
	return rows;
}
