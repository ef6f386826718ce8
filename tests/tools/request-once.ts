// One HTTP request on a connection of its own, for scripts that send requests seconds apart: with
// fetch's pooled keep-alive connections, the server (keepAliveTimeout 5 s) can close one just as it
// is reused, and fetch fails with "other side closed".
import http from 'node:http';

export interface Answer {
	status: number;
	headers: http.IncomingHttpHeaders;
	text: string;
}

export function requestOnce(
	url: string | URL,
	{
		method = 'GET',
		headers = {},
		body,
	}: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
	const sent =
		body === undefined
			? headers
			: { ...headers, 'content-length': String(Buffer.byteLength(body)) };
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method, headers: sent, agent: false }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () =>
				resolve({
					status: res.statusCode ?? 0,
					headers: res.headers,
					text: Buffer.concat(chunks).toString('utf8'),
				}),
			);
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(body);
	});
}
