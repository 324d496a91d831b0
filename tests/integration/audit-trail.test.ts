import { afterAll, beforeAll, expect, test } from 'vitest';
import { recordAction } from '$lib/server/audit/audit';
import { listAuditPage } from '$lib/server/audit/audit.service';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent } from '../helpers/factories';

describeEachEngine('the audit trail', (engine) => {
	let handle: TestDatabase;
	let eventId: number;

	beforeAll(async () => {
		handle = await engine.open();
		eventId = (await insertEvent(handle.db)).id;
		const actor = {
			userId: null,
			label: 'officer@protokol.test',
			clientAddress: '192.0.2.7',
			role: 'officer' as const
		};
		for (let i = 0; i < 5; i++) {
			await recordAction(handle.db, actor, {
				action: 'event.move',
				entityType: 'event',
				entityId: eventId,
				eventId,
				before: { start_at: `2026-03-2${i}T09:00:00.000Z`, title: 'Same' },
				after: { start_at: `2026-03-2${i + 1}T09:00:00.000Z`, title: 'Same' }
			});
		}
		await recordAction(handle.db, actor, { action: 'user.create', entityType: 'user_account', entityId: 1 });
	});
	afterAll(() => handle.cleanup());

	test("an event's history holds only its own entries, newest first, with what changed", async () => {
		const page = await listAuditPage(handle.db, { eventId }, { limit: 10 });
		expect(page.items).toHaveLength(5);
		expect(page.items.map((e) => e.id)).toEqual(page.items.map((e) => e.id).sort((a, b) => b - a));
		expect(page.items[0]!.changes).toEqual([
			{ field: 'start_at', before: '2026-03-24T09:00:00.000Z', after: '2026-03-25T09:00:00.000Z' }
		]);
		expect(page.items[0]!.clientAddress).toBe('192.0.2.7');
	});

	test('the whole trail pages through every entry once', async () => {
		const seen: number[] = [];
		let request = { limit: 2 } as { limit: number; after?: readonly (string | number)[] };
		for (;;) {
			const page = await listAuditPage(handle.db, {}, request);
			seen.push(...page.items.map((e) => e.id));
			if (!page.next) break;
			request = { limit: 2, after: JSON.parse(Buffer.from(page.next, 'base64url').toString()) };
		}
		expect(seen).toHaveLength(6);
		expect(new Set(seen).size).toBe(6);
	});

	test('filters by record type', async () => {
		const page = await listAuditPage(handle.db, { entityType: 'user_account' }, { limit: 10 });
		expect(page.items.map((e) => e.action)).toEqual(['user.create']);
	});
});
