/**
 * Users for tests that go through the built server: created straight in its database with the real
 * service (so passwords are hashed as in production), then signed in over HTTP like a browser would.
 */
import { openDatabase } from '$lib/server/db/connection';
import { migrateToLatest } from '$lib/server/db/migrator';
import { createUser } from '$lib/server/users/user.service';
import type { UserRole } from '$lib/vocabulary';
import { postForm } from './http';
import type { RunningServer } from './server';

export const TEST_PASSWORD = 'correct horse battery staple';

export async function addUser(
	databaseUrl: string,
	role: UserRole,
	email = `${role}@protokol.test`
): Promise<string> {
	const handle = openDatabase(databaseUrl);
	try {
		await migrateToLatest(handle);
		await createUser(
			handle.db,
			{ userId: null, label: 'test setup', role: 'system' as const },
			{ email, name: `Test ${role}`, role, password: TEST_PASSWORD }
		);
		return email;
	} finally {
		await handle.close();
	}
}

/** Signs in through the login form and returns the Cookie header to send with later requests. */
export async function signInOverHttp(
	server: RunningServer,
	email: string,
	password = TEST_PASSWORD
): Promise<string> {
	const response = await postForm(server, '/login', { email, password, next: '' });
	const cookie = response.headers.get('set-cookie');
	if (response.status !== 303 || !cookie) {
		throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
	}
	return cookie.split(';')[0]!;
}
