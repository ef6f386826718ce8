import type { AstroIntegration } from 'astro';
import { loadPolicy } from './policy.ts';

/**
 * Validates the support policy when `astro dev` or `astro build` starts, so a bad key stops
 * them at once with its name (`npm run serve` checks again before listening).
 */
export function supportPolicyCheck(): AstroIntegration {
	return {
		name: 'support-policy-check',
		hooks: {
			'astro:config:setup': ({ logger }) => {
				const policy = loadPolicy();
				logger.info(`support policy OK (${policy.timezone})`);
			},
		},
	};
}
