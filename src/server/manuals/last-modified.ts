/**
 * When a manual page last changed, for its "Last updated" line. Runs at build time (content
 * sync, see src/content.config.ts): the last git commit touching the file, or the file's mtime
 * when it has uncommitted changes or there is no git checkout.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function git(args: string[], cwd: string): string | undefined {
	try {
		return execFileSync('git', args, {
			cwd,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
			timeout: 5_000,
		}).trim();
	} catch {
		// Not a git checkout, or git is not installed: the mtime below is the answer.
		return undefined;
	}
}

/** When `filePath` last changed: its last commit, else its mtime; `undefined` if unreadable. */
export function lastModifiedOf(filePath: string): Date | undefined {
	const cwd = path.dirname(filePath);
	const dirty = git(['status', '--porcelain', '--', filePath], cwd);
	if (dirty === '') {
		const committed = git(['log', '-1', '--format=%cI', '--', filePath], cwd);
		const date = committed ? new Date(committed) : undefined;
		if (date && !Number.isNaN(date.getTime())) return date;
	}
	try {
		return fs.statSync(filePath).mtime;
	} catch {
		return undefined;
	}
}
