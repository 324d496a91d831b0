/**
 * Hostile input on every form of the built server — very long strings, control characters, HTML and
 * script, SQL metacharacters, wrong types (repeated keys, a file where text belongs) and missing fields:
 * the answer is a 4xx with its message beside the field (or the form's alert), never a 5xx; nothing is
 * stored half-way; what is echoed back into the form is escaped. Text that is merely unusual (a name
 * with angle brackets or quotes) is accepted and stored exactly as typed. And a viewer never sees a
 * person's private contact details. On SQLite, and on PostgreSQL when it answers.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { hashRecoveryCode, newTotpKey } from '$lib/server/auth/totp';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connection';
import { addUser, signInOverHttp, TEST_PASSWORD } from '../helpers/accounts';
import { describeEachEngine, POSTGRES_URL, type EngineUnderTest } from '../helpers/databases';
import { insertPerson } from '../helpers/factories';
import { startServer, type RunningServer } from '../helpers/server';

const HOSTILE = {
	long: 'x'.repeat(100_000),
	control: 'nul\u0000 esc\u001b',
	script: '<script>alert(1)</script>',
	attribute: '"><img src=x onerror=alert(1)>',
	sqlOr: "' OR 1=1 --",
	sqlDrop: '"; drop table user_account; --'
} as const;
type HostileKind = keyof typeof HOSTILE;
const KINDS = Object.keys(HOSTILE) as HostileKind[];

/** A file where a text field belongs. */
const upload = () => new File(['%PDF-1.4 not a name at all'], 'payload.pdf', { type: 'application/pdf' });

type Entry = [name: string, value: string | File];

/** Refused, with a message beside each field named ('form': the form's own alert); or accepted. */
type Outcome = { errors: string[] } | { accepted: true };
const refused = (...errors: string[]): Outcome => ({ errors });
const ACCEPTED: Outcome = { accepted: true };

interface Case {
	label: string;
	entries: Entry[];
	outcome: Outcome;
}

/** One case per field and hostile value, the other fields as in `base` (adjusted per case). */
function hostileCases(
	base: Record<string, string>,
	fields: string[],
	outcome: (field: string, kind: HostileKind) => Outcome,
	adjust: (field: string, kind: HostileKind) => Partial<Record<string, string>> = () => ({})
): Case[] {
	return fields.flatMap((field) =>
		KINDS.map((kind) => ({
			label: `${field}: ${kind}`,
			entries: Object.entries({ ...base, ...adjust(field, kind), [field]: HOSTILE[kind] }) as Entry[],
			outcome: outcome(field, kind)
		}))
	);
}

interface Answer {
	status: number;
	html: string;
	location: string | null;
	setCookies: string[];
}

/** The message in a field's error element, or in the form's alert. */
function messageFor(html: string, field: string): string | undefined {
	const pattern =
		field === 'form'
			? /<p class="form-error" role="alert">([^<]*)<\/p>/
			: new RegExp(`<p class="error" id="field-${field}-error">([^<]*)</p>`);
	return pattern.exec(html)?.[1]?.trim();
}

/** Nothing the attacker typed comes back as markup. */
function expectEscaped(html: string) {
	expect(html).not.toContain('<script>alert(1)');
	expect(html).not.toContain('<img src=x');
	expect(html).not.toContain('"><img');
}

function expectOutcome(answer: Answer, outcome: Outcome) {
	expect(answer.status, answer.html.slice(0, 2000)).toBeLessThan(500);
	if ('errors' in outcome) {
		expect(answer.status).toBeGreaterThanOrEqual(400);
		for (const field of outcome.errors) {
			expect(messageFor(answer.html, field), `message for ${field}`).toBeTruthy();
		}
	}
	expectEscaped(answer.html);
}

/** Where each engine keeps a server's database: a temp file, or a PostgreSQL schema of its own. */
async function serverDatabase(engine: EngineUnderTest): Promise<{ url: string; cleanup(): Promise<void> }> {
	if (engine.engine === 'sqlite') {
		const dir = mkdtempSync(join(tmpdir(), 'protokol-hostile-'));
		return {
			url: join(dir, 'protokol.db'),
			cleanup: async () => rmSync(dir, { recursive: true, force: true })
		};
	}
	const schema = `t_${randomBytes(6).toString('hex')}`;
	const adminQuery = async (text: string) => {
		const client = new pg.Client({ connectionString: POSTGRES_URL });
		await client.connect();
		try {
			await client.query(text);
		} finally {
			await client.end();
		}
	};
	await adminQuery(`create schema ${schema}`);
	const url = new URL(POSTGRES_URL);
	url.searchParams.set('schema', schema);
	return { url: url.toString(), cleanup: () => adminQuery(`drop schema if exists ${schema} cascade`) };
}

/** A built server on a database of its own, with a handle on that database for the test to look in. */
class Harness {
	server!: RunningServer;
	handle!: DatabaseHandle;
	databaseUrl!: string;
	private cleanup!: () => Promise<void>;

	async start(engine: EngineUnderTest, users: (databaseUrl: string) => Promise<void>) {
		const location = await serverDatabase(engine);
		this.databaseUrl = location.url;
		this.cleanup = location.cleanup;
		await users(location.url);
		this.server = await startServer({ databaseUrl: location.url, env: { DEMO_DATA: 'off' } });
		this.handle = openDatabase(location.url);
	}

	async stop() {
		await this.server?.stop();
		await this.handle?.close();
		await this.cleanup?.();
	}

	get db() {
		return this.handle.db;
	}

	async submit(path: string, entries: Entry[], cookie?: string): Promise<Answer> {
		const headers: Record<string, string> = { origin: this.server.url, accept: 'text/html' };
		if (cookie) headers.cookie = cookie;
		let body: FormData | string;
		if (entries.some(([, value]) => typeof value !== 'string')) {
			const data = new FormData();
			for (const [name, value] of entries) data.append(name, value);
			body = data;
		} else {
			body = new URLSearchParams(entries as [string, string][]).toString();
			headers['content-type'] = 'application/x-www-form-urlencoded';
		}
		const response = await fetch(`${this.server.url}${path}`, {
			method: 'POST',
			redirect: 'manual',
			headers,
			body
		});
		return {
			status: response.status,
			html: await response.text(),
			location: response.headers.get('location'),
			setCookies: response.headers.getSetCookie()
		};
	}

	async get(path: string, cookie?: string): Promise<Answer> {
		const response = await fetch(`${this.server.url}${path}`, {
			redirect: 'manual',
			headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) }
		});
		return {
			status: response.status,
			html: await response.text(),
			location: response.headers.get('location'),
			setCookies: response.headers.getSetCookie()
		};
	}

	/** Every account, session, recovery code and setting: what a refused form must leave as it was. */
	async snapshot() {
		const [users, sessions, codes, settings] = await Promise.all([
			this.db
				.selectFrom('user_account')
				.select([
					'id',
					'email',
					'name',
					'role',
					'password_hash',
					'disabled_at',
					'totp_key',
					'totp_pending_key',
					'totp_enabled_at',
					'version'
				])
				.orderBy('id')
				.execute(),
			this.db
				.selectFrom('user_session')
				.select(['id', 'user_id', 'two_factor_verified'])
				.orderBy('id')
				.execute(),
			this.db.selectFrom('recovery_code').select(['id', 'user_id', 'used_at']).orderBy('id').execute(),
			this.db.selectFrom('app_setting').select(['key', 'value']).orderBy('key').execute()
		]);
		return { users, sessions, codes, settings };
	}

	async countUsers() {
		const row = await this.db
			.selectFrom('user_account')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		return Number(row.n);
	}

	/** Forgets failed sign-ins, so that each case meets the form itself rather than the throttle. */
	async clearThrottle() {
		await this.db.deleteFrom('login_attempt').execute();
	}

	userByEmail(email: string) {
		return this.db.selectFrom('user_account').selectAll().where('email', '=', email).executeTakeFirst();
	}
}

/** A local path that fits in a Location header, not a way off the site. */
const SAFE_LOCATION = /^\/(?![/\\])[\x21-\x7e]*$/;

describeEachEngine('hostile input', (engine) => {
	describe('the first-run setup form', () => {
		const h = new Harness();
		beforeAll(() => h.start(engine, async () => {}));
		afterAll(() => h.stop());

		const base = {
			name: 'Ada Lovelace',
			email: 'ada@protokol.test',
			password: 'an entirely fine passphrase',
			confirm: 'an entirely fine passphrase'
		};
		// Every case is refused, so that the server stays without an administrator: values that are fine in
		// themselves meet a confirmation that differs.
		const cases: Case[] = [
			...hostileCases(
				base,
				['name', 'email', 'password', 'confirm'],
				(field, kind) => {
					if (field === 'name') return refused(kind === 'long' || kind === 'control' ? 'name' : 'confirm');
					if (field === 'password') return refused(kind === 'long' ? 'password' : 'confirm');
					return refused(field);
				},
				(field) => (field === 'confirm' ? {} : { confirm: 'does not match' })
			),
			{ label: 'missing fields', entries: [], outcome: refused('name', 'email', 'password', 'confirm') },
			{
				label: 'a file for the name',
				entries: Object.entries({ ...base, name: upload() }),
				outcome: refused('name')
			},
			{
				label: 'a file for the password',
				entries: Object.entries({ ...base, password: upload() }),
				outcome: refused('password')
			},
			{
				label: 'repeated e-mail: only the first counts',
				entries: [['email', 'not an address'], ...Object.entries(base)],
				outcome: refused('email')
			}
		];

		test.each(cases)('$label', async ({ entries, outcome }) => {
			const answer = await h.submit('/setup', entries);
			expectOutcome(answer, outcome);
			expect(answer.setCookies).toEqual([]);
			expect(await h.snapshot()).toEqual({ users: [], sessions: [], codes: [], settings: [] });
		});

		test('a name with markup and SQL in it is stored as typed, and then setup is gone', async () => {
			const name = `${HOSTILE.script}${HOSTILE.sqlOr}`;
			const answer = await h.submit('/setup', Object.entries({ ...base, name }));
			expect(answer.status).toBe(303);
			expect(answer.location).toBe('/');
			expect(await h.countUsers()).toBe(1);
			expect((await h.userByEmail(base.email))?.name).toBe(name);
			expect((await h.get('/setup')).status).toBe(404);
			const again = await h.submit('/setup', Object.entries({ ...base, email: 'second@protokol.test' }));
			expect(again.status).toBe(404);
			expect(await h.countUsers()).toBe(1);
		});
	});

	describe('the forms behind a session', () => {
		const h = new Harness();
		const emails = {
			viewer: 'viewer@protokol.test',
			officer: 'officer@protokol.test',
			admin: 'admin@protokol.test',
			/** Has a second factor: for turning it off. */
			enrolled: 'enrolled@protokol.test',
			/** Has a second factor: for the second step of signing in. */
			twoStep: 'two-step@protokol.test'
		};
		const cookies: Record<'viewer' | 'officer' | 'admin' | 'enrolled', string> = {
			viewer: '',
			officer: '',
			admin: '',
			enrolled: ''
		};
		const recoveryCodes = Array.from({ length: 10 }, (_, i) => `recov-ery${i}`);

		beforeAll(async () => {
			await h.start(engine, async (url) => {
				await addUser(url, 'viewer', emails.viewer);
				await addUser(url, 'officer', emails.officer);
				await addUser(url, 'admin', emails.admin);
				await addUser(url, 'admin', emails.enrolled);
				await addUser(url, 'officer', emails.twoStep);
			});
			for (const who of ['viewer', 'officer', 'admin', 'enrolled'] as const) {
				cookies[who] = await signInOverHttp(h.server, emails[who]);
			}
			// Second factors switched on straight in the database (enrolment has tests of its own).
			const now = new Date().toISOString();
			for (const email of [emails.enrolled, emails.twoStep]) {
				await h.db
					.updateTable('user_account')
					.set({ totp_key: newTotpKey(), totp_enabled_at: now })
					.where('email', '=', email)
					.execute();
			}
			const twoStep = (await h.userByEmail(emails.twoStep))!;
			await h.db
				.insertInto('recovery_code')
				.values(recoveryCodes.map((code) => ({ user_id: twoStep.id, code_hash: hashRecoveryCode(code) })))
				.execute();
		});
		afterAll(() => h.stop());
		beforeEach(() => h.clearThrottle());

		describe('sign-in', () => {
			const base = { email: emails.viewer, password: 'not the password', next: '' };
			const cases: Case[] = [
				...hostileCases(base, ['email', 'password', 'next'], (field, kind) => {
					if (field === 'email' && (kind === 'long' || kind === 'control')) return refused('email');
					if (field === 'password' && kind === 'long') return refused('password');
					return refused('form');
				}),
				{ label: 'missing fields', entries: [], outcome: refused('email', 'password') },
				{
					label: 'a file for the e-mail',
					entries: Object.entries({ ...base, email: upload() }),
					outcome: refused('email')
				},
				{
					label: 'a file for the password',
					entries: Object.entries({ ...base, password: upload() }),
					outcome: refused('password')
				},
				{
					label: 'repeated e-mail and password: only the first counts',
					entries: [
						['email', 'nobody@protokol.test'],
						['password', 'not the password'],
						['email', emails.viewer],
						['password', TEST_PASSWORD]
					],
					outcome: refused('form')
				}
			];

			test.each(cases)('$label', async ({ entries, outcome }) => {
				const before = await h.snapshot();
				const answer = await h.submit('/login', entries);
				expectOutcome(answer, outcome);
				expect(answer.setCookies).toEqual([]);
				expect(await h.snapshot()).toEqual(before);
			});

			const nexts: [string, string][] = [
				...KINDS.map((kind): [string, string] => [kind, `/events${HOSTILE[kind]}`]),
				['a header break', '/events\r\nSet-Cookie: injected=1'],
				['non-Latin-1 characters', '/события'],
				['another site', '//evil.example/'],
				['another site, backslashed', '/\\evil.example/'],
				['an absolute address', 'https://evil.example/']
			];

			test.each(nexts)(
				'a hostile return address (%s) never breaks signing in nor leads off the site',
				async (_label, next) => {
					const answer = await h.submit('/login', [
						['email', emails.officer],
						['password', TEST_PASSWORD],
						['next', next]
					]);
					expect(answer.status).toBe(303);
					expect(answer.location).toMatch(SAFE_LOCATION);
					expect(answer.setCookies.join('\n')).not.toContain('injected');
					const cookie = answer.setCookies[0]!.split(';')[0]!;
					// The same for someone signed in already who opens the login page with it (a 100 000-character
					// address is longer than Node lets a request line be: it answers 431 itself).
					const page = await h.get(`/login?${new URLSearchParams({ next })}`, cookie);
					if (next.length > 16_000) {
						expect(page.status).toBe(431);
					} else {
						expect(page.status).toBe(303);
						expect(page.location).toMatch(SAFE_LOCATION);
					}
				}
			);
		});

		describe('changing one’s password', () => {
			const base = {
				current: TEST_PASSWORD,
				password: 'a brand new passphrase',
				confirm: 'a brand new passphrase'
			};
			const cases: Case[] = [
				...hostileCases(
					base,
					['current', 'password', 'confirm'],
					(field, kind) => {
						if (field === 'password') return refused(kind === 'long' ? 'password' : 'confirm');
						return refused(field);
					},
					(field) => (field === 'password' ? { confirm: 'does not match' } : {})
				),
				{ label: 'missing fields', entries: [], outcome: refused('current', 'password', 'confirm') },
				{
					label: 'a file for the current password',
					entries: Object.entries({ ...base, current: upload() }),
					outcome: refused('current')
				},
				{
					label: 'repeated current password: only the first counts',
					entries: [['current', 'not the password'], ...Object.entries(base)],
					outcome: refused('current')
				}
			];

			test.each(cases)('$label', async ({ entries, outcome }) => {
				const before = await h.snapshot();
				const answer = await h.submit('/account?/changePassword', entries, cookies.viewer);
				expectOutcome(answer, outcome);
				expect(await h.snapshot()).toEqual(before);
			});
		});

		describe('an administrator adding a user', () => {
			const base = { name: 'New Colleague', role: 'viewer', password: 'a perfectly long password' };
			const emailFor = (label: string) => `${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}@protokol.test`;
			const cases: Case[] = [
				...hostileCases(
					base,
					['name', 'email', 'role', 'password'],
					(field, kind) => {
						if (field === 'name') return kind === 'long' || kind === 'control' ? refused('name') : ACCEPTED;
						if (field === 'password') return kind === 'long' ? refused('password') : ACCEPTED;
						return refused(field);
					},
					(field, kind) => ({ email: emailFor(`${field}-${kind}`) })
				),
				{ label: 'missing fields', entries: [], outcome: refused('name', 'email', 'role', 'password') },
				{
					label: 'a file for the name',
					entries: Object.entries({ ...base, email: emailFor('file-name'), name: upload() }),
					outcome: refused('name')
				},
				{
					label: 'a file for the role',
					entries: Object.entries({ ...base, email: emailFor('file-role'), role: upload() }),
					outcome: refused('role')
				},
				{
					label: 'repeated role, the first unknown',
					entries: [['role', 'superuser'], ...Object.entries({ ...base, email: emailFor('two-roles-1') })],
					outcome: refused('role')
				},
				{
					label: 'repeated role, the first a viewer: a viewer it is',
					entries: [
						['role', 'viewer'],
						['role', 'admin'],
						...Object.entries({ name: base.name, password: base.password, email: emailFor('two-roles-2') })
					],
					outcome: ACCEPTED
				}
			];

			test.each(cases)('$label', async ({ entries, outcome }) => {
				const before = await h.snapshot();
				const answer = await h.submit('/admin/users?/create', entries, cookies.admin);
				expectOutcome(answer, outcome);
				const sent = (name: string) => entries.find(([key]) => key === name)?.[1];
				const email = sent('email');
				if ('accepted' in outcome) {
					expect(answer.status).toBe(200);
					const user = await h.userByEmail(String(email));
					// Stored exactly as typed, with the first of repeated values.
					expect(user?.name).toBe(sent('name'));
					expect(user?.role).toBe(sent('role'));
					expect(await h.countUsers()).toBe(before.users.length + 1);
					const password = String(sent('password'));
					await h.clearThrottle();
					const signIn = await h.submit('/login', [
						['email', String(email)],
						['password', password]
					]);
					expect(signIn.status, 'signing in with the password as typed').toBe(303);
					if (password.includes('\u0000')) {
						// Nothing cut the password short at the NUL.
						const cut = await h.submit('/login', [
							['email', String(email)],
							['password', password.slice(0, password.indexOf('\u0000'))]
						]);
						expect(cut.status).toBe(400);
					}
				} else {
					expect(await h.snapshot()).toEqual(before);
				}
			});

			test('names stored with markup in them are shown as text on the users page', async () => {
				const page = await h.get('/admin/users', cookies.admin);
				expect(page.status).toBe(200);
				expectEscaped(page.html);
				expect(page.html).toContain('&lt;script>alert(1)&lt;/script>');
			});

			test.each(['disable', 'enable', 'endSessions', 'resetTwoFactor'])(
				'?/%s with a hostile or missing user id is a 400 that changes nothing',
				async (action) => {
					const before = await h.snapshot();
					const bodies: Entry[][] = [
						...KINDS.map((kind): Entry[] => [['userId', HOSTILE[kind]]]),
						[],
						[['userId', upload()]]
					];
					for (const entries of bodies) {
						const answer = await h.submit(`/admin/users?/${action}`, entries, cookies.admin);
						expect(answer.status).toBe(400);
						expect(answer.html).toContain('No user named.');
						expectEscaped(answer.html);
					}
					expect(await h.snapshot()).toEqual(before);
				}
			);
		});

		describe('an administrator issuing an API token', () => {
			const base = { name: 'Intranet calendar', role: 'viewer', validThrough: '' };
			const tokens = async () =>
				h.db
					.selectFrom('api_token')
					.select(['name', 'role', 'expires_at', 'revoked_at'])
					.orderBy('id')
					.execute();
			const cases: Case[] = [
				...hostileCases(base, ['name', 'role', 'validThrough'], (field, kind) => {
					if (field === 'name') return kind === 'long' || kind === 'control' ? refused('name') : ACCEPTED;
					return refused(field);
				}),
				{ label: 'missing fields', entries: [], outcome: refused('name', 'role') },
				{
					label: 'no such day',
					entries: Object.entries({ ...base, validThrough: '2026-02-30' }),
					outcome: refused('validThrough')
				},
				{
					label: "an administrator's role",
					entries: Object.entries({ ...base, role: 'admin' }),
					outcome: refused('role')
				},
				{
					label: 'a file for the name',
					entries: Object.entries({ ...base, name: upload() }),
					outcome: refused('name')
				}
			];

			test.each(cases)('$label', async ({ entries, outcome }) => {
				const before = await tokens();
				const answer = await h.submit('/admin/api-tokens?/issue', entries, cookies.admin);
				expectOutcome(answer, outcome);
				const after = await tokens();
				if ('accepted' in outcome) {
					expect(answer.status).toBe(200);
					// Stored exactly as typed.
					expect(after.at(-1)?.name).toBe(entries.find(([key]) => key === 'name')?.[1]);
					expect(after.length).toBe(before.length + 1);
				} else {
					expect(after).toEqual(before);
				}
			});

			test('?/revoke with a hostile or missing token id is a 400 that changes nothing', async () => {
				const before = await tokens();
				const bodies: Entry[][] = [
					...KINDS.map((kind): Entry[] => [['tokenId', HOSTILE[kind]]]),
					[],
					[['tokenId', upload()]]
				];
				for (const entries of bodies) {
					const answer = await h.submit('/admin/api-tokens?/revoke', entries, cookies.admin);
					expect(answer.status).toBe(400);
					expect(answer.html).toContain('No token named.');
					expectEscaped(answer.html);
				}
				expect(await tokens()).toEqual(before);
			});

			test('names stored with markup in them are shown as text on the tokens page', async () => {
				const page = await h.get('/admin/api-tokens', cookies.admin);
				expect(page.status).toBe(200);
				expectEscaped(page.html);
				expect(page.html).toContain('&lt;script>alert(1)&lt;/script>');
			});
		});

		describe('enrolling a second factor', () => {
			beforeAll(async () => {
				const answer = await h.submit('/account/two-factor?/begin', [], cookies.officer);
				expect(answer.status).toBe(303);
			});

			const cases: Case[] = [
				...hostileCases({}, ['code'], () => refused('code')),
				{ label: 'missing code', entries: [], outcome: refused('code') },
				{ label: 'a file for the code', entries: [['code', upload()]], outcome: refused('code') },
				{
					label: 'repeated code',
					entries: [
						['code', '12345'],
						['code', '654321']
					],
					outcome: refused('code')
				}
			];

			test.each(cases)('$label', async ({ entries, outcome }) => {
				const before = await h.snapshot();
				const answer = await h.submit('/account/two-factor?/confirm', entries, cookies.officer);
				expectOutcome(answer, outcome);
				expect(await h.snapshot()).toEqual(before);
				const officer = await h.userByEmail(emails.officer);
				expect(officer?.totp_pending_key).toBeTruthy();
				expect(officer?.totp_enabled_at).toBeNull();
			});
		});

		describe('turning the second factor off', () => {
			const cases: Case[] = [
				...hostileCases({}, ['password'], () => refused('password')),
				{ label: 'missing password', entries: [], outcome: refused('password') },
				{ label: 'a file for the password', entries: [['password', upload()]], outcome: refused('password') },
				{
					label: 'repeated password: only the first counts',
					entries: [
						['password', 'not the password'],
						['password', TEST_PASSWORD]
					],
					outcome: refused('password')
				}
			];

			test.each(cases)('$label', async ({ entries, outcome }) => {
				const before = await h.snapshot();
				const answer = await h.submit('/account/two-factor?/disable', entries, cookies.enrolled);
				expectOutcome(answer, outcome);
				expect(await h.snapshot()).toEqual(before);
				expect((await h.userByEmail(emails.enrolled))?.totp_enabled_at).toBeTruthy();
			});
		});

		describe('the second step of signing in', () => {
			let pending: string;
			beforeAll(async () => {
				const answer = await h.submit('/login', [
					['email', emails.twoStep],
					['password', TEST_PASSWORD]
				]);
				expect(answer.location).toMatch(/^\/login\/two-factor/);
				pending = answer.setCookies[0]!.split(';')[0]!;
			});

			const cases: Case[] = [
				...hostileCases({ next: '' }, ['code', 'next'], () => refused('code')),
				{ label: 'missing code', entries: [], outcome: refused('code') },
				{ label: 'a file for the code', entries: [['code', upload()]], outcome: refused('code') },
				{
					label: 'repeated code: only the first counts',
					entries: [
						['code', 'wrong-code'],
						['code', recoveryCodes[9]!]
					],
					outcome: refused('code')
				}
			];

			test.each(cases)('$label', async ({ entries, outcome }) => {
				const withCode: Entry[] =
					entries.some(([name]) => name === 'code') || entries.length === 0
						? entries
						: [['code', 'wrong-code'], ...entries];
				const before = await h.snapshot();
				const answer = await h.submit('/login/two-factor', withCode, pending);
				expectOutcome(answer, outcome);
				expect(await h.snapshot()).toEqual(before);
			});

			test.each(KINDS.slice(0, 5).map((kind, i) => ({ kind, code: recoveryCodes[i]! })))(
				'a hostile return address ($kind) after a good code stays on the site',
				async ({ kind, code }) => {
					const signIn = await h.submit('/login', [
						['email', emails.twoStep],
						['password', TEST_PASSWORD]
					]);
					const cookie = signIn.setCookies[0]!.split(';')[0]!;
					const answer = await h.submit(
						'/login/two-factor',
						[
							['code', code],
							['next', `/events${HOSTILE[kind]}`]
						],
						cookie
					);
					expect(answer.status).toBe(303);
					expect(answer.location).toMatch(SAFE_LOCATION);
				}
			);
		});

		describe('private contact details', () => {
			let personId: number;
			beforeAll(async () => {
				const person = await insertPerson(h.db, {
					given_name: 'Leyla',
					family_name: 'Private',
					email: 'private@example.org',
					phone: '+994 12 555 01 02',
					contact_public: 0
				});
				personId = person.id;
			});

			test('a viewer sees neither e-mail nor phone of a person who has not published them', async () => {
				const page = await h.get(`/people/${personId}`, cookies.viewer);
				expect(page.status).toBe(200);
				expect(page.html).toContain('Private');
				expect(page.html).not.toContain('private@example.org');
				expect(page.html).not.toContain('555 01 02');
			});

			test('an officer sees them', async () => {
				const page = await h.get(`/people/${personId}`, cookies.officer);
				expect(page.status).toBe(200);
				expect(page.html).toContain('private@example.org');
				expect(page.html).toContain('555 01 02');
			});

			test('once published, the viewer sees them too', async () => {
				await h.db.updateTable('person').set({ contact_public: 1 }).where('id', '=', personId).execute();
				const page = await h.get(`/people/${personId}`, cookies.viewer);
				expect(page.status).toBe(200);
				expect(page.html).toContain('private@example.org');
				expect(page.html).toContain('555 01 02');
			});
		});
	});
});
