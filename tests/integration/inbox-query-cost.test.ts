/**
 * The inbox page and an event's proposals waiting are read along an index in their order, on both
 * engines: a page costs the same queries however many messages the mailbox has brought.
 */
import type { LogEvent } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { InboxOutcome } from '$lib/server/db/schema';
import { getInboxPage, listWaitingProposals } from '$lib/server/inbox/inbox.service';
import type { InboxFilter } from '$lib/server/inbox/inbox.view';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent } from '../helpers/factories';
import { planOf } from '../helpers/query-plans';

/** As a mailbox brings them: mostly answers recorded, a few refused, proposed or asking again. */
const outcomeOf = (i: number): InboxOutcome =>
	(['refused', 'proposed', 'refreshed'] as const)[i % 20] ?? 'applied';

describeEachEngine('inbox queries', (engine) => {
	let handle: TestDatabase;
	const log: LogEvent[] = [];
	let eventId = 0;

	beforeAll(async () => {
		handle = await engine.open({ onQuery: (event) => log.push(event) });
		const events = await Promise.all([1, 2, 3, 4].map(() => insertEvent(handle.db)));
		eventId = events[0]!.id;
		const rows = Array.from({ length: 1000 }, (_, i) => ({
			mailbox: 'protocol@imap.example:993/INBOX',
			uid_validity: 1,
			uid: i + 1,
			message_id: `<${i}@example.org>`,
			received_at: new Date(Date.UTC(2026, 11, 1, 0, i)).toISOString(),
			method: 'REPLY',
			outcome: outcomeOf(i),
			event_id: events[i % 4]!.id,
			decision: i % 200 === 1 ? ('declined' as const) : null
		}));
		for (let i = 0; i < rows.length; i += 100) {
			await handle.db
				.insertInto('inbox_message')
				.values(rows.slice(i, i + 100))
				.execute();
		}
	});
	afterAll(() => handle?.cleanup());

	const lastListQuery = () =>
		log.findLast((q) => q.query.sql.includes('"inbox_message" as "m"') && q.query.sql.includes('limit'))!
			.query;

	/**
	 * In the list's order along an index, never the table read and sorted. PostgreSQL may walk the primary
	 * key backwards and filter, which on a table this small it reckons cheaper than the outcome's index;
	 * SQLite takes the index the query names.
	 */
	const expectIndexOrder = (plan: string, index: string) => {
		if (handle.engine === 'postgres') {
			expect(plan).not.toMatch(/Seq Scan/);
			expect(plan).toMatch(/Index Scan (Backward )?using inbox_message_\w+ on inbox_message m/);
			expect(plan).not.toMatch(/Sort Key/);
		} else {
			expect(plan).toMatch(new RegExp(index === 'inbox_message_pkey' ? 'SCAN m' : index));
			expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
		}
	};

	test.each([
		[null, 'inbox_message_pkey'],
		['refused', 'inbox_message_outcome_idx'],
		['waiting', 'inbox_message_outcome_idx']
	] as [InboxFilter, string][])('the inbox showing %s is read along %s', async (filter, index) => {
		const page = await getInboxPage(handle.db, officer, filter, { limit: 25 }, true);
		expect(page.messages.items).toHaveLength(25);
		expectIndexOrder(await planOf(handle, lastListQuery()), index);
		// The next page costs what the first did.
		log.length = 0;
		const next = await getInboxPage(
			handle.db,
			officer,
			filter,
			{ limit: 25, after: [page.messages.items[24]!.id] },
			true
		);
		expect(next.messages.items[0]!.id).toBeLessThan(page.messages.items[24]!.id);
		expect(log).toHaveLength(2);
	});

	test("an event's proposals waiting are read along inbox_message_event_idx", async () => {
		const proposals = await listWaitingProposals(handle.db, officer, eventId);
		expect(proposals.items.every((p) => p.waiting)).toBe(true);
		const plan = await planOf(handle, lastListQuery());
		if (handle.engine === 'postgres') expect(plan).not.toMatch(/Seq Scan on inbox_message/);
		expect(plan).toMatch(/inbox_message_event_idx/);
	});

	test('a viewer sees no proposals and may not open the inbox', async () => {
		const viewer = { ...officer, role: 'viewer' as const };
		expect(await listWaitingProposals(handle.db, viewer, eventId)).toEqual({ items: [], more: false });
		await expect(getInboxPage(handle.db, viewer, null, { limit: 25 }, true)).rejects.toThrow();
	});
});
