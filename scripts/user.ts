/**
 * Managing users from the command line, on the database DATABASE_URL names:
 *   npm run user -- add --email E --name N --role admin|officer|viewer    (password read from standard input)
 *   npm run user -- list
 *   npm run user -- disable --email E
 */
import { systemActor } from '../src/lib/server/audit/audit';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { closeDatabase, database } from '../src/lib/server/db';
import { migrateToLatest } from '../src/lib/server/db/migrator';
import { RuleViolation } from '../src/lib/server/errors';
import { UserCreateInput } from '../src/lib/server/users/user.input';
import { findUserByEmail } from '../src/lib/server/users/user.repository';
import { createUser, listUserAccounts, setUserDisabled } from '../src/lib/server/users/user.service';
import { fieldErrors } from '../src/lib/server/validation';

const USAGE = `Usage:
  npm run user -- add --email E --name N --role admin|officer|viewer   (password on standard input)
  npm run user -- list
  npm run user -- disable --email E`;

async function readStandardInput(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	// One line: the password, without the newline a terminal or echo adds.
	return Buffer.concat(chunks)
		.toString('utf8')
		.replace(/\r?\n$/, '');
}

async function main(argv: string[]): Promise<number> {
	const { positionals, values } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } }
	});
	const command = positionals[0];
	const handle = database();
	await migrateToLatest(handle);
	const { db } = handle;
	const actor = systemActor(`command line (${userInfo().username})`);

	if (command === 'list') {
		for (const user of await listUserAccounts(db)) {
			console.log([user.email, user.role, user.name, user.disabled ? 'disabled' : 'active'].join('\t'));
		}
		return 0;
	}
	if (command === 'add') {
		if (process.stdin.isTTY) console.error('Type the password, then press Enter and Ctrl-D:');
		const parsed = UserCreateInput.safeParse({ ...values, password: await readStandardInput() });
		if (!parsed.success) {
			for (const [field, message] of Object.entries(fieldErrors(parsed.error)))
				console.error(`${field}: ${message}`);
			return 2;
		}
		const user = await createUser(db, actor, parsed.data);
		console.log(`Added ${user.email} (${user.roleLabel}).`);
		return 0;
	}
	if (command === 'disable') {
		const user = values.email ? await findUserByEmail(db, values.email.trim().toLowerCase()) : undefined;
		if (!user) {
			console.error(`No user with the e-mail ${values.email ?? '(none given)'}.`);
			return 2;
		}
		await setUserDisabled(db, actor, user.id, true);
		console.log(`Disabled ${user.email}; their sessions have ended.`);
		return 0;
	}
	console.error(USAGE);
	return 2;
}

main(process.argv.slice(2))
	.then(async (code) => {
		await closeDatabase();
		process.exitCode = code;
	})
	.catch(async (error: unknown) => {
		if (error instanceof RuleViolation) {
			for (const [field, message] of Object.entries(error.fields)) console.error(`${field}: ${message}`);
			if (Object.keys(error.fields).length === 0) console.error(error.message);
		} else {
			console.error(error instanceof Error ? error.message : error);
		}
		await closeDatabase();
		process.exitCode = error instanceof RuleViolation ? 2 : 1;
	});
