import { describe, expect, it } from 'vitest';
import { LoginSchema, SignUpSchema } from '#server/users/users.schema.ts';

const emailIssue = (result: {
	success: boolean;
	error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => result.error?.issues.find((issue) => issue.path[0] === 'email')?.message;

describe('LoginSchema', () => {
	it('trims and lower-cases a valid email', () => {
		expect(LoginSchema.parse({ email: '  Ivan@Example.COM ', password: 'x' }).email).toBe(
			'ivan@example.com',
		);
	});

	it.each(['not-an-email', 'ivan@', '@example.com', 'ivan example@example.com', 'a@b@c.com'])(
		'refuses %j with the sign-up form’s message',
		(email) => {
			const result = LoginSchema.safeParse({ email, password: 'long enough' });
			expect(result.success).toBe(false);
			expect(emailIssue(result)).toBe('Enter a valid email address, like name@example.com.');
		},
	);

	it('asks for the email when it is empty or blank', () => {
		for (const email of ['', '   ']) {
			expect(emailIssue(LoginSchema.safeParse({ email, password: 'x' }))).toBe('Enter your email.');
		}
		expect(emailIssue(LoginSchema.safeParse({ password: 'x' }))).toBe('Enter your email.');
	});

	it('refuses an address longer than 254 characters', () => {
		const email = `${'a'.repeat(250)}@example.com`;
		expect(emailIssue(LoginSchema.safeParse({ email, password: 'x' }))).toBe(
			'That email address is too long.',
		);
	});

	it('accepts addresses that sign-up is stricter about, so older accounts can still log in', () => {
		expect(
			SignUpSchema.safeParse({
				email: 'ops@localhost',
				displayName: 'Ops',
				password: 'long enough',
			}).success,
		).toBe(false);
		expect(LoginSchema.parse({ email: 'Ops@LocalHost', password: 'x' }).email).toBe(
			'ops@localhost',
		);
	});

	it('accepts every address the sign-up form accepts, normalised the same way', () => {
		for (const email of [
			'ivan@example.com',
			' Ann.Lee+portal@Mail.Example.ORG ',
			"o'neil@example.com",
		]) {
			const signUp = SignUpSchema.parse({ email, displayName: 'Someone', password: 'long enough' });
			expect(LoginSchema.parse({ email, password: 'x' }).email).toBe(signUp.email);
		}
	});
});
