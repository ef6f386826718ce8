import fs from 'node:fs';

/**
 * PGlite is single-process: a second server on the same directory would corrupt it.
 * Takes `<dir>.lock` for this process (released on exit), or throws a message that says what to do.
 */
export function acquireDirLock(dir: string): void {
	const lockFile = `${dir}.lock`;
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
			process.once('exit', () => release(lockFile));
			return;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			assertDirUnlocked(dir);
			fs.rmSync(lockFile, { force: true });
		}
	}
	throw new Error(`Could not lock ${dir}`);
}

/**
 * Throws when another live process holds `<dir>.lock`; a stale lock (dead holder) passes.
 * The server calls it before listening, so a second server on one DATA_DIR fails fast.
 */
export function assertDirUnlocked(dir: string): void {
	const holder = lockHolder(`${dir}.lock`);
	if (holder && holder !== process.pid && isAlive(holder)) {
		throw new Error(
			`The embedded database in ${dir} is in use by process ${holder}. ` +
				'PGlite allows one server per DATA_DIR: stop the other server, use another DATA_DIR, ' +
				'or set DATABASE_URL to share a PostgreSQL database between instances.',
		);
	}
}

function lockHolder(lockFile: string): number | undefined {
	try {
		return Number(fs.readFileSync(lockFile, 'utf8')) || undefined;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

function release(lockFile: string): void {
	if (lockHolder(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
