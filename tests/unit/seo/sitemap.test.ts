import { describe, expect, it } from 'vitest';
import { buildRobotsTxt, buildSitemap } from '#server/seo/sitemap.ts';

describe('buildSitemap', () => {
	it('lists absolute, escaped, de-duplicated URLs with dates', () => {
		const xml = buildSitemap('https://support.example.com', [
			{ path: '/' },
			{ path: '/hints/a&b', lastModified: new Date('2026-11-20T10:00:00Z') },
			{ path: '/' },
		]);
		expect(xml.match(/<loc>/g)).toHaveLength(2);
		expect(xml).toContain(
			'<loc>https://support.example.com/hints/a&amp;b</loc><lastmod>2026-11-20</lastmod>',
		);
	});
});

describe('buildRobotsTxt', () => {
	it('points at the sitemap and keeps crawlers out of accounts and the staff desk', () => {
		const robots = buildRobotsTxt('https://support.example.com');
		expect(robots).toContain('Sitemap: https://support.example.com/sitemap.xml');
		expect(robots).toMatch(/^Disallow: \/staff$/m);
		expect(robots).not.toMatch(/^Disallow: \/$/m);
	});
});
