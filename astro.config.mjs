// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { supportPolicyCheck } from './src/server/support/policy-check.ts';

export default defineConfig({
	output: 'server',
	integrations: [supportPolicyCheck()],
	adapter: node({
		mode: 'standalone',
		// NOTE: the adapter accepts 1 GiB bodies by default; nothing we accept is near 4 MiB.
		bodySizeLimit: 4 * 1024 * 1024,
	}),
	server: { host: '127.0.0.1', port: 4321 },
	security: { checkOrigin: true },
	trailingSlash: 'ignore',
	// NOTE: no inline <style>/<script>: the Content-Security-Policy header allows only our own files.
	build: { inlineStylesheets: 'never' },
	// NOTE: Vite inlines small bundled scripts into the page, which the CSP (script-src 'self') blocks.
	vite: { build: { assetsInlineLimit: 0 } },
});
