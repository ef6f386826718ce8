// A throwaway PostgreSQL cluster of our own (initdb into a temp dir, on its own port), for fault
// tests that stop and start the database. NEVER touches the machine's shared cluster on 5432.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './server-process.ts';

export interface PrivateCluster {
	url: string;
	port: number;
	dir: string;
	start: () => void;
	/** `fast` ends sessions cleanly; `immediate` is a crash (recovery on the next start). */
	stop: (mode?: 'fast' | 'immediate') => void;
	destroy: () => void;
}

function binDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const version = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
	return version ? path.join(root, version, 'bin') : undefined;
}

/** Why a private cluster cannot be made here, or undefined when it can. */
export function privateClusterUnavailable(): string | undefined {
	if (!binDir())
		return 'no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)';
	if (os.userInfo().username !== 'postgres' && process.getuid?.() !== 0)
		return 'needs root (to run initdb as the postgres user) or the postgres user';
	return undefined;
}

/** Runs a PostgreSQL binary as the postgres OS user. */
function asPostgres(binary: string, args: string[]): string {
	const command = [path.join(binDir()!, binary), ...args];
	if (os.userInfo().username === 'postgres')
		return execFileSync(command[0]!, command.slice(1), { encoding: 'utf8' });
	const quoted = command.map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(' ');
	return execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], {
		encoding: 'utf8',
		cwd: '/tmp',
	});
}

export async function createPrivateCluster(): Promise<PrivateCluster> {
	const port = await freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-faults-pg-'));
	if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
	asPostgres('initdb', [
		'-D',
		dir,
		'-A',
		'trust',
		'-U',
		'postgres',
		'-E',
		'UTF8',
		'--no-instructions',
	]);
	const options = `-p ${port} -k /tmp -c listen_addresses=127.0.0.1`;
	const cluster: PrivateCluster = {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		port,
		dir,
		start: () =>
			void asPostgres('pg_ctl', [
				'-D',
				dir,
				'-l',
				path.join(dir, 'server.log'),
				'-o',
				options,
				'-w',
				'-t',
				'30',
				'start',
			]),
		stop: (mode = 'fast') =>
			void asPostgres('pg_ctl', ['-D', dir, '-m', mode, '-w', '-t', '30', 'stop']),
		destroy: () => {
			try {
				asPostgres('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']);
			} catch {
				// already stopped
			}
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
	cluster.start();
	return cluster;
}
