import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESERVED_PAGE_IDS, renderManualBody } from '#server/manuals/manual-render.ts';

const ROOT = fileURLToPath(new URL('../../../content/manuals/', import.meta.url));
const pages = readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
	.filter((f) => f.endsWith('.md'))
	.map((file) => ({
		id: file.split(sep).join('/').replace(/\.md$/, ''),
		body: readFileSync(join(ROOT, file), 'utf8').replace(/^---[\s\S]*?\n---\n/, ''),
	}));

describe('manual pages through the renderer', () => {
	it.each(pages)('$id has anchored headings that do not clash with the layout', ({ body }) => {
		const { html, headings } = renderManualBody(body);
		expect(headings.length).toBeGreaterThan(1);
		for (const heading of headings) {
			expect(RESERVED_PAGE_IDS.has(heading.id), heading.id).toBe(false);
			expect(html).toContain(`id="${heading.id}"`);
			expect(html).toContain(`href="#${heading.id}"`);
		}
		expect(headings.every((h) => h.level >= 2)).toBe(true);
	});

	it('highlights fenced code with the classes code.css styles', () => {
		const { html } = renderManualBody(pages.find((p) => p.id === 'admin-panel/currencies')!.body);
		expect(html).toMatch(/<pre class="code-block"><code class="hljs language-bash">/);
		expect(html).toContain('<table>');
	});
});
