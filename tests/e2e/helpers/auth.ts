import type { Page } from '@playwright/test';
import { signIn } from './sessions.ts';
import type { E2EUser } from './users.ts';

/** Signs the page's browser context in as a fixture user (its fixture session, no login form). */
export async function loginAs(page: Page, who: E2EUser): Promise<void> {
	await signIn(page.context(), who);
}
