import type { AstroGlobal } from 'astro';
import { loginUrl } from '#lib/urls.ts';
import { isStaff } from '#server/auth/guards.ts';
import type { User } from '#server/users/users.repo.ts';

/**
 * The one gate of every staff page: visitors are sent to log in, signed-in people who are not
 * staff get the "Staff only" page (403, src/pages/staff/forbidden.astro). Returns the staff user,
 * or the response to return:
 *
 *     const user = await staffGate(Astro);
 *     if (user instanceof Response) return user;
 */
export async function staffGate(astro: AstroGlobal): Promise<User | Response> {
	const { user } = astro.locals;
	if (!user) return astro.redirect(loginUrl(astro.url));
	if (!isStaff(user)) return astro.rewrite('/staff/forbidden');
	return user;
}
