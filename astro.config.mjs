// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { remarkLastModified } from './src/server/manuals/remark-last-modified.ts';

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
	// Manual pages show when they last changed (git commit date, computed at build time).
	markdown: { remarkPlugins: [remarkLastModified] },
});
