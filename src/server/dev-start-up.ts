import type { AstroIntegration } from 'astro';
import { markServing } from './lifecycle.ts';

/**
 * `astro dev` serves the portal too: the composition root (app.ts) starts the server's work when
 * the app first opens its database, as it does under src/cli/serve.ts.
 */
export function devStartUp(): AstroIntegration {
	return {
		name: 'portal-dev-start-up',
		hooks: {
			'astro:server:start': () => markServing(),
		},
	};
}
