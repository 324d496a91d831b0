/**
 * Read API tokens through their service, on both engines: issued (random, only the secret's hash
 * kept, audited without it), authenticated, revoked (audited, refused from then on), refused past their
 * last day, and their last use noted at most once a minute.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Actor } from '$lib/server/audit/audit';
import {
	authenticateApiToken,
	issueApiToken,
	LAST_USE_INTERVAL_MS,
	listApiTokensPage,
	revokeApiToken
} from '$lib/server/api-tokens/api-token.service';
import { Forbidden, NotFound } from '$lib/server/errors';
import type { ApiTokenRole } from '$lib/vocabulary';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';

describeEachEngine('read API tokens', (engine) => {
	let handle: TestDatabase;
	let admin: Actor;

	beforeAll(async () => {
		handle = await engine.open();
		const now = new Date().toISOString();
		const user = await handle.db
			.insertInto('user_account')
			.values({
				email: 'admin@protokol.test',
				name: 'Administrator',
				role: 'admin',
				password_hash: 'not used here',
				password_changed_at: now,
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		admin = { userId: user.id, label: 'admin@protokol.test', role: 'admin', clientAddress: '192.0.2.1' };
	});
	afterAll(() => handle.cleanup());

	const issuedAt = new Date('2026-12-01T09:00:00.000Z');
	const after = (ms: number) => new Date(issuedAt.getTime() + ms);
	const issue = (name: string, role: ApiTokenRole, validThrough: string | null = null) =>
		issueApiToken(handle.db, admin, { name, role, validThrough }, issuedAt);
	const row = (tokenId: number) =>
		handle.db.selectFrom('api_token').selectAll().where('id', '=', tokenId).executeTakeFirstOrThrow();
	const auditOf = (tokenId: number) =>
		handle.db
			.selectFrom('audit_entry')
			.select(['action', 'actor_label', 'after_json'])
			.where('entity_type', '=', 'api_token')
			.where('entity_id', '=', tokenId)
			.orderBy('id')
			.execute();

	test('a token is "<id>.<secret>", only the hash of the secret is stored, and its issue is audited without it', async () => {
		const { token, tokenId } = await issue('Intranet', 'viewer');
		expect(token).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/);
		const [lookupId, secret] = token.split('.') as [string, string];
		const stored = await row(tokenId);
		expect(stored).toMatchObject({
			lookup_id: lookupId,
			name: 'Intranet',
			role: 'viewer',
			scope: 'read',
			created_by_user_id: admin.userId,
			expires_at: null,
			revoked_at: null,
			last_used_at: null
		});
		expect(stored.secret_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(stored)).not.toContain(secret);
		const audit = await auditOf(tokenId);
		expect(audit.map((a) => a.action)).toEqual(['issue']);
		expect(audit[0]!.actor_label).toBe('admin@protokol.test');
		expect(audit[0]!.after_json).not.toContain(secret);
		expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({
			name: 'Intranet',
			role: 'viewer',
			scope: 'read'
		});
	});

	test('two tokens are never alike', async () => {
		const input = { name: 'Twice', role: 'viewer' as const, validThrough: null };
		const [a, b] = await Promise.all([
			issueApiToken(handle.db, admin, input),
			issueApiToken(handle.db, admin, input)
		]);
		expect(a.token).not.toBe(b.token);
	});

	test('a live token lets its integration in with its role; a wrong secret or a stranger does not', async () => {
		const { token, tokenId } = await issue('Reporting', 'officer');
		expect(await authenticateApiToken(handle.db, token, after(1000))).toEqual({
			client: { tokenId, name: 'Reporting', role: 'officer', scope: 'read' }
		});
		const [lookupId] = token.split('.') as [string, string];
		expect(await authenticateApiToken(handle.db, `${lookupId}.${'a'.repeat(32)}`)).toEqual({
			refused: 'unknown'
		});
		expect(await authenticateApiToken(handle.db, `${'b'.repeat(32)}.${'a'.repeat(32)}`)).toEqual({
			refused: 'unknown'
		});
		expect(await authenticateApiToken(handle.db, 'not a token')).toEqual({ refused: 'malformed' });
	});

	test('its last use is noted at once, then at most once a minute', async () => {
		const { token, tokenId } = await issue('Dashboard', 'viewer');
		await authenticateApiToken(handle.db, token, after(1000));
		expect((await row(tokenId)).last_used_at).toBe(after(1000).toISOString());
		await authenticateApiToken(handle.db, token, after(1000 + LAST_USE_INTERVAL_MS - 1));
		expect((await row(tokenId)).last_used_at).toBe(after(1000).toISOString());
		await authenticateApiToken(handle.db, token, after(2000 + LAST_USE_INTERVAL_MS));
		expect((await row(tokenId)).last_used_at).toBe(after(2000 + LAST_USE_INTERVAL_MS).toISOString());
	});

	test('a revoked token is refused from then on, and the revocation is audited once', async () => {
		const { token, tokenId } = await issue('Old portal', 'viewer');
		await revokeApiToken(handle.db, admin, tokenId, after(60_000));
		await revokeApiToken(handle.db, admin, tokenId, after(120_000));
		expect(await authenticateApiToken(handle.db, token, after(61_000))).toEqual({ refused: 'revoked' });
		const stored = await row(tokenId);
		expect(stored.revoked_at).toBe(after(60_000).toISOString());
		expect(stored.revoked_by_user_id).toBe(admin.userId);
		expect((await auditOf(tokenId)).map((a) => a.action)).toEqual(['issue', 'revoke']);
		await expect(revokeApiToken(handle.db, admin, 999_999)).rejects.toBeInstanceOf(NotFound);
	});

	test('a token with a last day is let in through that day (UTC) and refused from the next midnight', async () => {
		const { token, tokenId } = await issue('Conference app', 'viewer', '2026-12-03');
		expect((await row(tokenId)).expires_at).toBe('2026-12-04T00:00:00.000Z');
		const lastMoment = new Date('2026-12-03T23:59:59.000Z');
		expect(await authenticateApiToken(handle.db, token, lastMoment)).toHaveProperty('client');
		expect(await authenticateApiToken(handle.db, token, new Date('2026-12-04T00:00:00.000Z'))).toEqual({
			refused: 'expired'
		});
	});

	test('the list shows who issued and revoked each token, the latest first, and never a hash', async () => {
		const page = await listApiTokensPage(handle.db, admin, { limit: 50 }, after(61_000));
		expect(page.items.map((t) => t.name).slice(0, 2)).toEqual(['Conference app', 'Old portal']);
		const portal = page.items.find((t) => t.name === 'Old portal')!;
		expect(portal).toMatchObject({ active: false, revokedBy: 'Administrator', issuedBy: 'Administrator' });
		expect(JSON.stringify(page)).not.toMatch(/hash|lookup/i);
	});

	test('only an administrator issues, revokes or lists tokens', async () => {
		const officer: Actor = { userId: null, label: 'officer@protokol.test', role: 'officer' };
		const input = { name: 'Sneaky', role: 'officer' as const, validThrough: null };
		await expect(issueApiToken(handle.db, officer, input)).rejects.toBeInstanceOf(Forbidden);
		await expect(revokeApiToken(handle.db, officer, 1)).rejects.toBeInstanceOf(Forbidden);
		await expect(listApiTokensPage(handle.db, officer, { limit: 5 })).rejects.toBeInstanceOf(Forbidden);
	});

	test("the database refuses a token with an administrator's role or another scope", async () => {
		const insert = (fields: { role?: string; scope?: string }) =>
			handle.db
				.insertInto('api_token')
				.values({
					lookup_id: 'c'.repeat(32),
					secret_hash: 'd'.repeat(64),
					name: 'Refused',
					role: (fields.role ?? 'viewer') as 'viewer',
					scope: (fields.scope ?? 'read') as 'read',
					created_at: issuedAt.toISOString()
				})
				.execute();
		await expect(insert({ role: 'admin' })).rejects.toThrow();
		await expect(insert({ scope: 'write' })).rejects.toThrow();
	});
});
