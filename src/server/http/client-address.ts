import { config } from '#server/config.ts';

/** The caller's address; `X-Forwarded-For` only counts behind a trusted proxy (`TRUST_PROXY=1`). */
export function clientAddressOf(request: Request, socketAddress: string | undefined): string {
	if (config().trustProxy) {
		const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
		if (forwarded) return forwarded.slice(0, 64);
	}
	return socketAddress || 'unknown';
}
