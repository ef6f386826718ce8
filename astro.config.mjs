// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';

export default defineConfig({
	output: 'server',
	adapter: node({
		mode: 'standalone',
		// NOTE: the adapter accepts 1 GiB bodies by default; nothing we accept is near 4 MiB.
		bodySizeLimit: 4 * 1024 * 1024,
	}),
	server: { host: '127.0.0.1', port: 4321 },
	security: { checkOrigin: true },
	trailingSlash: 'ignore',
});
