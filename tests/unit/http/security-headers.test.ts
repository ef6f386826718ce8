import { describe, expect, it } from 'vitest';
import { securityHeaders } from '#server/http/security-headers.ts';

describe('securityHeaders', () => {
	it('sends HSTS over https', () => {
		expect(
			securityHeaders(new URL('https://support.example.com/'))['strict-transport-security'],
		).toMatch(/^max-age=\d{7,}/);
	});

	it('sends no HSTS over plain http', () => {
		expect(securityHeaders(new URL('http://127.0.0.1:4321/'))).not.toHaveProperty(
			'strict-transport-security',
		);
	});

	it('forbids plugins, base rewriting and framing, and allows no inline code', () => {
		const csp = securityHeaders(new URL('http://127.0.0.1/'))['content-security-policy'];
		expect(csp).toContain("object-src 'none'");
		expect(csp).toContain("base-uri 'none'");
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).not.toMatch(/unsafe-/);
	});
});
