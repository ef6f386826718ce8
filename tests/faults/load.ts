// A bounded request loop for fault tests: workers send a mix of reads and acknowledged writes
// (sign-ups with unique emails) until told to stop, recording every outcome with its time.
import { fakeAddress, type ServerProcess } from '../tools/server-process.ts';

export interface Sample {
	kind: 'home' | 'health' | 'account' | 'signup';
	at: number;
	status: number;
	retryAfter: string | null;
	error?: string;
	/** Sign-ups only: the email sent (acknowledged when status is 200). */
	email?: string;
}

export interface Load {
	samples: Sample[];
	stop: () => Promise<void>;
}

/** Signs up a fresh user over HTTP and returns its session cookie. */
export async function signUpForCookie(server: ServerProcess, tag: string): Promise<string> {
	const res = await fetch(`${server.url}/_actions/auth.signUp`, {
		method: 'POST',
		headers: {
			origin: server.url,
			'content-type': 'application/x-www-form-urlencoded',
			'x-forwarded-for': fakeAddress(),
		},
		body: new URLSearchParams({
			email: `${tag}-${crypto.randomUUID()}@faults.test`,
			displayName: `Fault ${tag}`,
			password: 'fault password 1',
		}),
	});
	const cookie = /session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
	if (res.status !== 200 || !cookie)
		throw new Error(`sign-up answered ${res.status}: ${await res.text()}`);
	return cookie;
}

async function once(server: ServerProcess, kind: Sample['kind'], cookie: string): Promise<Sample> {
	const at = Date.now();
	const email = kind === 'signup' ? `load-${crypto.randomUUID()}@faults.test` : undefined;
	try {
		const res =
			kind === 'signup'
				? await fetch(`${server.url}/_actions/auth.signUp`, {
						method: 'POST',
						headers: {
							origin: server.url,
							'content-type': 'application/x-www-form-urlencoded',
							'x-forwarded-for': fakeAddress(),
						},
						body: new URLSearchParams({
							email: email!,
							displayName: 'Load Tester',
							password: 'load password 1',
						}),
						signal: AbortSignal.timeout(20_000),
					})
				: await fetch(
						`${server.url}${{ home: '/', health: '/api/health', account: '/account' }[kind]}`,
						{
							headers: kind === 'account' ? { cookie } : {},
							redirect: 'manual',
							signal: AbortSignal.timeout(20_000),
						},
					);
		await res.arrayBuffer();
		return { kind, at, status: res.status, retryAfter: res.headers.get('retry-after'), email };
	} catch (error) {
		return {
			kind,
			at,
			status: 0,
			retryAfter: null,
			error:
				error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error),
			email,
		};
	}
}

/** Starts `workers` loops cycling through the request kinds; `cookie` is a logged-in session. */
export function startLoad(server: ServerProcess, cookie: string, workers = 4): Load {
	const samples: Sample[] = [];
	let running = true;
	const kinds: Sample['kind'][] = ['home', 'health', 'account', 'signup'];
	const loops = Array.from({ length: workers }, async (_, w) => {
		for (let i = w; running; i++) {
			samples.push(await once(server, kinds[i % kinds.length]!, cookie));
			await new Promise((r) => setTimeout(r, 20));
		}
	});
	return {
		samples,
		stop: async () => {
			running = false;
			await Promise.all(loops);
		},
	};
}
