// The server's import graph: no cycles in src/server (files or folders), and the launcher
// (src/cli/serve.ts, loaded outside the server bundle) reaches no database or feature code.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SERVER = path.join(ROOT, 'src/server');
const ALIASES: Record<string, string> = {
	'#server/': 'src/server/',
	'#lib/': 'src/lib/',
	'#db/': 'db/',
	'#components/': 'src/components/',
	'#layouts/': 'src/layouts/',
};

interface Imports {
	/** Project files this one imports (statically, dynamically or for types), absolute. */
	files: string[];
	/** npm packages it imports ('pg', '@electric-sql/pglite', …). */
	packages: string[];
}

const cache = new Map<string, Imports>();

/** What `file` imports, read with TypeScript's own scanner (comments and strings are no imports). */
function importsOf(file: string): Imports {
	let found = cache.get(file);
	if (found) return found;
	found = { files: [], packages: [] };
	const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
	for (const { fileName: spec } of importedFiles) {
		const alias = Object.keys(ALIASES).find((prefix) => spec.startsWith(prefix));
		if (alias) found.files.push(path.join(ROOT, ALIASES[alias]!, spec.slice(alias.length)));
		else if (spec.startsWith('.')) found.files.push(path.resolve(path.dirname(file), spec));
		else if (!spec.startsWith('node:') && !spec.startsWith('astro:'))
			found.packages.push(
				spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!,
			);
	}
	cache.set(file, found);
	return found;
}

function serverFiles(dir = SERVER): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return serverFiles(full);
		return entry.name.endsWith('.ts') ? [full] : [];
	});
}

/** Every cycle of the graph (one per strongly connected component), as a list of its nodes. */
function cycles(graph: Map<string, Set<string>>): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const found: string[][] = [];
	let next = 0;
	const visit = (node: string) => {
		index.set(node, next);
		low.set(node, next);
		next++;
		stack.push(node);
		onStack.add(node);
		for (const to of graph.get(node) ?? []) {
			if (!index.has(to)) {
				visit(to);
				low.set(node, Math.min(low.get(node)!, low.get(to)!));
			} else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
		}
		if (low.get(node) !== index.get(node)) return;
		const component: string[] = [];
		let member: string;
		do {
			member = stack.pop()!;
			onStack.delete(member);
			component.push(member);
		} while (member !== node);
		if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
	};
	for (const node of graph.keys()) if (!index.has(node)) visit(node);
	return found;
}

const relative = (file: string) => path.relative(SERVER, file);
/** A file's folder under src/server ('search', 'hints', …); top-level files are their own. */
const folderOf = (file: string) => relative(file).split(path.sep)[0]!;

function serverGraph(nodeOf: (file: string) => string): Map<string, Set<string>> {
	const graph = new Map<string, Set<string>>();
	for (const file of serverFiles()) {
		const from = nodeOf(file);
		const edges = graph.get(from) ?? new Set<string>();
		graph.set(from, edges);
		for (const to of importsOf(file).files) {
			if (!to.startsWith(SERVER + path.sep) || nodeOf(to) === from) continue;
			edges.add(nodeOf(to));
		}
	}
	return graph;
}

/** Every project file `entry` reaches through imports, itself included. */
function reachable(entry: string): Set<string> {
	const seen = new Set<string>([entry]);
	const queue = [entry];
	while (queue.length > 0) {
		for (const to of importsOf(queue.pop()!).files) {
			if (seen.has(to) || !to.endsWith('.ts')) continue;
			seen.add(to);
			queue.push(to);
		}
	}
	return seen;
}

describe('the import graph of src/server', () => {
	it('reads imports of every kind (a check on the checker)', () => {
		const graph = new Map([
			['a', new Set(['b'])],
			['b', new Set(['c'])],
			['c', new Set(['a'])],
			['d', new Set(['a'])],
		]);
		expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
		const app = importsOf(path.join(SERVER, 'app.ts'));
		expect(app.files).toContain(path.join(SERVER, 'db/client.ts'));
		expect(importsOf(path.join(SERVER, 'db/client.ts')).files).toContain(
			path.join(ROOT, 'src/server/db/migrate.ts'),
		);
		// Dynamic imports count: the client loads its drivers on demand.
		expect(importsOf(path.join(SERVER, 'db/client.ts')).packages).toContain('pg');
	});

	it('has no import cycle between files', () => {
		expect(cycles(serverGraph((file) => file)).map((c) => c.map(relative))).toEqual([]);
	});

	it('has no import cycle between folders (a feature never imports back the one that imports it)', () => {
		expect(cycles(serverGraph(folderOf))).toEqual([]);
	});

	it('is imported by nothing but the edge: no module under src/server imports the composition root', () => {
		const importers = serverFiles().filter((file) =>
			importsOf(file).files.includes(path.join(SERVER, 'app.ts')),
		);
		expect(importers.map(relative)).toEqual([]);
	});
});

describe('the launcher (src/cli/serve.ts)', () => {
	// NOTE: serve.ts runs outside the Astro bundle. Whatever it imports is a second copy of that
	// module: a second database, a second search worker. It may use only these.
	const LAUNCHER_MAY_USE = [
		'src/server/lifecycle.ts',
		'src/server/config.ts',
		'src/server/db/dir-lock.ts',
		'src/server/http/',
		'src/server/support/',
		'src/lib/',
	];
	const DRIVERS = ['kysely', 'pg', '@electric-sql/pglite'];
	const reached = reachable(path.join(ROOT, 'src/cli/serve.ts'));

	it('imports no database or feature code', () => {
		const outside = [...reached]
			.map((file) => path.relative(ROOT, file))
			.filter((file) => file !== 'src/cli/serve.ts')
			.filter((file) => !LAUNCHER_MAY_USE.some((allowed) => file.startsWith(allowed)));
		expect(outside).toEqual([]);
	});

	it('loads no database driver', () => {
		const packages = [...reached].flatMap((file) => importsOf(file).packages);
		expect(packages.filter((name) => DRIVERS.includes(name))).toEqual([]);
	});

	it('reaches the modules it needs (a check on the checker)', () => {
		expect(reached).toContain(path.join(SERVER, 'lifecycle.ts'));
		expect(reached).toContain(path.join(SERVER, 'http/static-files.ts'));
	});
});
