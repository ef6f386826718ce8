import type { Role } from '#server/db/schema.ts';

export const E2E_PASSWORD = 'e2e-password-1';

/** Accounts the e2e server creates before it starts (see server.ts). */
export const E2E_USERS = {
	staff: { email: 'staff@e2e.test', displayName: 'Sam Staff', role: 'staff' },
	admin: { email: 'admin@e2e.test', displayName: 'Ada Admin', role: 'admin' },
	developer: { email: 'dev@e2e.test', displayName: 'Dev Eloper', role: 'developer' },
	alice: { email: 'alice@e2e.test', displayName: 'Alice Customer', role: 'customer' },
	bob: { email: 'bob@e2e.test', displayName: 'Bob Customer', role: 'customer' },
	// The access matrix's "other customer" (tests/e2e/helpers/viewers.ts): nobody else logs in as her.
	carol: { email: 'carol@e2e.test', displayName: 'Carol Customer', role: 'customer' },
} as const satisfies Record<string, { email: string; displayName: string; role: Role }>;

export type E2EUser = keyof typeof E2E_USERS;
