import { z } from 'astro/zod';
import { ROLES } from '#server/db/schema.ts';

/** An email address as accounts store it (trimmed, lower-case): sign-up, log-in, the `user` CLI. */
export const EmailSchema = z
	.string({ error: 'Enter your email address.' })
	.trim()
	.toLowerCase()
	.max(254, { error: 'That email address is too long.' })
	.pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' }));

const password = z
	.string({ error: 'Enter a password.' })
	.min(8, { error: 'Use at least 8 characters.' })
	.max(200, { error: 'Use at most 200 characters.' });

export const SignUpSchema = z.object({
	email: EmailSchema,
	displayName: z
		.string({ error: 'Enter your name.' })
		.trim()
		.min(2, { error: 'Enter at least 2 characters.' })
		.max(60, { error: 'Use at most 60 characters.' }),
	password,
});
export type SignUp = z.output<typeof SignUpSchema>;

export const LoginSchema = z.object({
	// NOTE: what is plainly not an address fails here, as a field error (400), before the throttles
	// and the password check. The shape is looser than sign-up's, so accounts made before a
	// stricter sign-up check (or by an admin, e.g. ops@localhost) can still log in.
	email: z
		.string({ error: 'Enter your email.' })
		.trim()
		.toLowerCase()
		.min(1, { error: 'Enter your email.' })
		.max(254, { error: 'That email address is too long.' })
		.regex(/^[^\s@]+@[^\s@]+$/, { error: 'Enter a valid email address, like name@example.com.' }),
	password: z
		.string({ error: 'Enter your password.' })
		.min(1, { error: 'Enter your password.' })
		.max(200),
	next: z.string().max(500).optional(),
});
export type Login = z.output<typeof LoginSchema>;

export const ChangePasswordSchema = z
	.object({
		currentPassword: z.string().min(1, { error: 'Enter your current password.' }).max(200),
		newPassword: password,
		confirmPassword: z.string().max(200),
	})
	.refine((v) => v.newPassword === v.confirmPassword, {
		error: 'The two new passwords differ.',
		path: ['confirmPassword'],
	});
export type ChangePassword = z.output<typeof ChangePasswordSchema>;

export const RoleSchema = z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(', ')}.` });
