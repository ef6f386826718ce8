// A forum post places an uploaded image inline with the file's own URL; the renderer's image
// allow-list admits it as it admits any same-site path, and nothing new besides.
import { describe, expect, it } from 'vitest';
import { fileUrl } from '#server/attachments/urls.ts';
import { renderMarkdown } from '#server/markdown/render.ts';

const id = '0b6f5d8e-54a2-4c1e-9a55-2f6f1f0c9d11';

describe('uploaded images in Markdown', () => {
	it('renders our file URL as an image, lazily, with no referrer policy (same site)', () => {
		const src = fileUrl({ id, name: 'checkout error.png' });
		const html = renderMarkdown(`![checkout error](${src})`, {
			siteOrigin: 'https://support.example.com',
		});
		expect(html).toContain(
			`<img src="/files/${id}/checkout%20error.png" alt="checkout error" loading="lazy">`,
		);
	});

	it('still refuses script and SVG data URLs next to it', () => {
		const html = renderMarkdown(
			`![a](javascript:alert(1)) ![b](data:image/svg+xml;base64,PHN2Zz4=) ![c](/files/${id}/c.png)`,
		);
		expect(html).not.toContain('src="javascript:');
		expect(html).not.toContain('src="data:');
		expect(html.match(/<img /g)).toHaveLength(1);
	});
});
