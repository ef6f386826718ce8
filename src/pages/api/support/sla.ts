import type { APIRoute } from 'astro';
import { errorResponse, json } from '#server/http/responses.ts';
import { now } from '#server/clock.ts';
import { getPolicy } from '#server/support/policy.ts';
import { supportSla } from '#server/support/support.service.ts';

export const prerender = false;

/** `GET /api/support/sla?severity=<1-4>&at=<ISO-8601 instant>`: response and resolution targets. */
export const GET: APIRoute = ({ url }) => {
	try {
		return json(supportSla(getPolicy(), url.searchParams, now()));
	} catch (error) {
		return errorResponse(error, 'support api');
	}
};
