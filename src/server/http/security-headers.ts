// NOTE: everything we serve is bundled into files under /_astro, so the policy allows no inline
// script or style at all; user Markdown is rendered without inline styles for the same reason.
const CSP = [
	"default-src 'self'",
	"script-src 'self'",
	"style-src 'self'",
	"img-src 'self' data: https:",
	"font-src 'self'",
	"connect-src 'self'",
	"form-action 'self'",
	"object-src 'none'",
	"base-uri 'none'",
	"frame-ancestors 'none'",
].join('; ');

/** Headers every response gets (pages may set stricter ones themselves). */
export function securityHeaders(url: URL): Record<string, string> {
	const headers: Record<string, string> = {
		'content-security-policy': CSP,
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		'x-frame-options': 'DENY',
		'permissions-policy': 'camera=(), microphone=(), geolocation=()',
		'cross-origin-opener-policy': 'same-origin',
	};
	if (url.protocol === 'https:')
		headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
	return headers;
}
