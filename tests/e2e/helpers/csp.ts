/** A Content-Security-Policy header as `{ directive: [sources] }`. */
export function parseCsp(header: string): Record<string, string[]> {
	const directives: Record<string, string[]> = {};
	for (const part of header.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) directives[name.toLowerCase()] = sources;
	}
	return directives;
}
