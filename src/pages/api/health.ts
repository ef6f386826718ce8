import type { APIRoute } from 'astro';
import { getOpenDb } from '#server/app.ts';
import { checkHealth } from '#server/health.ts';
import { json } from '#server/http/responses.ts';
import { searchEngineStatus } from '#server/search/search.service.ts';

export const GET: APIRoute = async () => {
	const health = await checkHealth(getOpenDb, searchEngineStatus);
	return json(
		health,
		health.status === 'ok' ? 200 : 503,
		health.status === 'ok' ? {} : { 'retry-after': '5' },
	);
};
