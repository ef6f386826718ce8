/// <reference types="astro/client" />

declare namespace App {
	interface Locals {
		user: import('./server/auth/sessions.ts').SessionUser | null;
		session: import('./server/auth/sessions.ts').Session | null;
	}
}
