import type { AstroIntegration } from 'astro';
import { startServing } from './lifecycle.ts';

/**
 * `astro dev` serves the portal too: its start-up tasks run once the app opens its database,
 * as they do after src/cli/serve.ts starts listening.
 */
export function devStartUp(): AstroIntegration {
	return {
		name: 'portal-dev-start-up',
		hooks: {
			'astro:server:start': () => startServing(),
		},
	};
}
