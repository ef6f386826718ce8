import { asAction, defineAction, userAction } from '#web/actions.ts';
import { getDb } from '#server/app.ts';
import { requireUser } from '#server/auth/guards.ts';
import { setSessionCookie, deleteSessionCookie } from '#server/auth/cookies.ts';
import { createSession, generateSessionToken, invalidateSession } from '#server/auth/sessions.ts';
import { clientAddressOf } from '#server/http/client-address.ts';
import { safeNext } from '#lib/urls.ts';
import { ChangePasswordSchema, LoginSchema, SignUpSchema } from '#server/users/users.schema.ts';
import { authenticate, changePassword, signUp } from '#server/users/users.service.ts';
import { invalidateUserSessions } from '#server/users/users.repo.ts';

export const auth = {
	signUp: defineAction({
		accept: 'form',
		input: SignUpSchema.extend({ next: LoginSchema.shape.next }),
		handler: (input, { cookies, url, request, clientAddress }) =>
			asAction(async () => {
				const db = await getDb();
				const user = await signUp(db, input, clientAddressOf(request, clientAddress));
				await startSession(db, user.id, request, cookies, url);
				return { next: safeNext(input.next) };
			}),
	}),

	login: defineAction({
		accept: 'form',
		input: LoginSchema,
		handler: (input, { cookies, url, request, clientAddress }) =>
			asAction(async () => {
				const db = await getDb();
				const user = await authenticate(db, input, clientAddressOf(request, clientAddress));
				await startSession(db, user.id, request, cookies, url);
				return { next: safeNext(input.next) };
			}),
	}),

	logout: defineAction({
		accept: 'form',
		handler: (_input, { cookies, url, locals }) =>
			asAction(async () => {
				if (locals.session) await invalidateSession(await getDb(), locals.session.id);
				deleteSessionCookie(cookies, url);
				return { next: '/' };
			}),
	}),

	logoutEverywhere: defineAction({
		accept: 'form',
		handler: (_input, { cookies, url, locals }) =>
			asAction(async () => {
				const user = requireUser(locals);
				await invalidateUserSessions(await getDb(), user.id);
				deleteSessionCookie(cookies, url);
				return { next: '/login?ended=all' };
			}),
	}),

	changePassword: userAction(
		ChangePasswordSchema,
		async (db, user, input, { cookies, url, request }) => {
			await changePassword(db, user.id, input);
			await startSession(db, user.id, request, cookies, url);
			return { changed: true };
		},
	),
};

async function startSession(
	db: Awaited<ReturnType<typeof getDb>>,
	userId: string,
	request: Request,
	cookies: Parameters<typeof setSessionCookie>[0],
	url: URL,
) {
	const token = generateSessionToken();
	const session = await createSession(db, token, userId, request.headers.get('user-agent'));
	setSessionCookie(cookies, url, token, session.expiresAt);
}
