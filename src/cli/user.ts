// npm run user -- create --email a@b.c --role staff [--name "Ann"] [--password …]
// npm run user -- set-role --email a@b.c --role admin
import { parseArgs } from 'node:util';
import { openDb, type OpenDb } from '#server/db/client.ts';
import { AppError } from '#server/errors.ts';
import { EmailSchema, RoleSchema } from '#server/users/users.schema.ts';
import { createUser, setRole } from '#server/users/users.service.ts';
import { randomPassword } from '#server/users/random-password.ts';

const USAGE = `Usage:
  npm run user -- create --email <email> --role <customer|developer|staff|admin> [--name <display name>] [--password <password>]
  npm run user -- set-role --email <email> --role <role>
Without --password, create prints a generated one (no default password ships anywhere).`;

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		email: { type: 'string' },
		role: { type: 'string' },
		name: { type: 'string' },
		password: { type: 'string' },
	},
});

let opened: OpenDb | undefined;

async function main(): Promise<number> {
	const [command] = positionals;
	if (!values.email || !values.role || (command !== 'create' && command !== 'set-role')) {
		console.error(USAGE);
		return 2;
	}
	const role = RoleSchema.safeParse(values.role);
	if (!role.success) {
		console.error(role.error.issues[0]?.message);
		return 2;
	}
	// New accounts follow the sign-up rule, so each can log in with its address.
	const email = EmailSchema.safeParse(values.email);
	if (command === 'create' && !email.success) {
		console.error(email.error.issues[0]?.message);
		return 2;
	}
	opened = await openDb();
	const { db } = opened;
	if (command === 'create') {
		const password = values.password ?? randomPassword();
		if (password.length < 8) {
			console.error('The password needs at least 8 characters.');
			return 2;
		}
		const user = await createUser(db, {
			email: values.email,
			displayName: values.name ?? values.email.split('@')[0] ?? values.email,
			password,
			role: role.data,
		});
		console.log(`Created ${user.role} ${user.email} (@${user.handle}).`);
		if (!values.password)
			console.log(`Generated password: ${password}\nAsk them to change it after the first login.`);
	} else {
		const user = await setRole(db, values.email, role.data);
		console.log(`${user.email} is now ${user.role}.`);
	}
	return 0;
}

try {
	process.exitCode = await main();
} catch (error) {
	console.error(error instanceof AppError ? error.message : error);
	process.exitCode = 1;
} finally {
	await opened?.db.destroy();
}
