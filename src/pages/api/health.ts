import type { APIRoute } from 'astro';
import { checkHealth } from '#server/health.ts';
import { json } from '#server/http/responses.ts';
import { searchEngineStatus } from '#server/search/search.service.ts';

export const GET: APIRoute = async () => {
	const health = await checkHealth(searchEngineStatus);
	return json(
		health,
		health.status === 'ok' ? 200 : 503,
		health.status === 'ok' ? {} : { 'retry-after': '5' },
	);
};
