/**
 * Titles and descriptions of the manual pages, read from `content/manuals` front matter once per
 * process (the pages ship with the build and do not change while it runs).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { config } from '#server/config.ts';

export interface ManualTitle {
	/** Entry id: the path under content/manuals without `.md` (`admin-panel/currencies`). */
	id: string;
	title: string;
	description: string;
	url: string;
}

let loading: Promise<ManualTitle[]> | undefined;

export function listManualTitles(): Promise<ManualTitle[]> {
	loading ??= readManualTitles(path.join(config().contentDir, 'manuals')).catch(
		(error: unknown) => {
			loading = undefined;
			console.error('[forum] could not read manual titles:', error);
			return [];
		},
	);
	return loading;
}

async function readManualTitles(root: string): Promise<ManualTitle[]> {
	const files = (await fs.readdir(root, { recursive: true })).filter((f) => f.endsWith('.md'));
	const titles: ManualTitle[] = [];
	for (const file of files.sort()) {
		const text = await fs.readFile(path.join(root, file), 'utf8');
		const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
		const data: unknown = match?.[1] ? parse(match[1]) : undefined;
		if (!data || typeof data !== 'object') continue;
		const { title, description } = data as { title?: unknown; description?: unknown };
		if (typeof title !== 'string') continue;
		const id = file.replace(/\\/g, '/').replace(/\.md$/, '');
		titles.push({
			id,
			title,
			description: typeof description === 'string' ? description : '',
			url: `/manuals/${id}`,
		});
	}
	return titles;
}
