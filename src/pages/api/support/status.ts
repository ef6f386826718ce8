import type { APIRoute } from 'astro';
import { errorResponse, json } from '#server/http/responses.ts';
import { now } from '#server/clock.ts';
import { getPolicy } from '#server/support/policy.ts';
import { supportStatus } from '#server/support/support.service.ts';

export const prerender = false;

/** `GET /api/support/status?at=<ISO-8601 instant>`: which departments are open at `at`. */
export const GET: APIRoute = ({ url }) => {
	try {
		return json(supportStatus(getPolicy(), url.searchParams, now()));
	} catch (error) {
		return errorResponse(error, 'support api');
	}
};
