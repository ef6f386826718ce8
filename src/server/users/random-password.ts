import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** 16 random bytes as 26 base32 characters. */
export function randomPassword(): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}
