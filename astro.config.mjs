// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { BODY_SIZE_LIMIT, UPLOAD_BODY_LIMIT } from './src/server/http/limits.ts';
import { devStartUp } from './src/server/dev-start-up.ts';
import { supportPolicyCheck } from './src/server/support/policy-check.ts';

export default defineConfig({
	output: 'server',
	integrations: [supportPolicyCheck(), devStartUp()],
	adapter: node({
		// NOTE: src/cli/serve.ts is the server (limits, page cache, shutdown) and serves the built
		// client files itself; the adapter's handler only renders.
		mode: 'middleware',
		// NOTE: the adapter accepts 1 GiB bodies by default. The largest we accept is a form post
		// with files (27 MiB); src/cli/serve.ts answers 413 to any request that declares more than
		// its own limit (4 MiB unless multipart) and cuts streamed bodies there.
		bodySizeLimit: UPLOAD_BODY_LIMIT,
	}),
	server: { host: '127.0.0.1', port: 4321 },
	// NOTE: actions read at most 1 MiB by default; allow the same few MiB as every other route.
	security: { checkOrigin: true, actionBodySizeLimit: BODY_SIZE_LIMIT },
	trailingSlash: 'ignore',
	// NOTE: no inline <style>/<script>: the Content-Security-Policy header allows only our own files.
	build: { inlineStylesheets: 'never' },
	// NOTE: Vite inlines small bundled scripts into the page, which the CSP (script-src 'self') blocks.
	vite: { build: { assetsInlineLimit: 0 } },
});
