/**
 * The brief costs the same number of queries on a partner with ten times the meetings, action points,
 * agreements, projects, letters, people and topics, on both engines; and the rows it left out are
 * counted, not fetched.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { findEventBrief } from '$lib/server/briefs/brief.service';
import type { Database } from '$lib/server/db/schema';
import { refreshDossiers } from '$lib/server/dossier/dossier.service';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertAgreement, insertCorrespondence, insertProject } from '../helpers/factories';
import { addOutcome, meetingWith, partnerTree, sideWithHead } from '../helpers/partner-world';

const TODAY = new Date('2026-03-01T09:00:00Z');
const stamps = () => ({ created_at: new Date().toISOString(), updated_at: new Date().toISOString() });

/** A meeting with the Regional Office and `size` times the partner's records; returns the meeting's id. */
async function populate(db: Kysely<Database>, size: number) {
	const o = await partnerTree(db);
	const meeting = await meetingWith(db, o.sms, '2026-03-10T07:00:00Z', 'The meeting', { status: 'planned' });
	await sideWithHead(
		db,
		meeting,
		{ name: 'SMS', organizationId: o.sms, position: 0 },
		{ honorific: 'Mr', given: 'Vusal', family: 'Huseynov', position: 'Chief' }
	);
	for (let s = 0; s < size; s++) {
		await sideWithHead(
			db,
			meeting,
			{ name: `IOM side ${s}`, organizationId: o.office, position: s + 1 },
			{ honorific: 'Ms', given: `Given${s}`, family: `Family${s}`, position: 'Officer' }
		);
	}
	const whom = [o.iom, o.office, o.mission];
	for (let i = 0; i < 6 * size; i++) {
		const day = String((i % 27) + 1).padStart(2, '0');
		const earlier = await meetingWith(
			db,
			whom[i % 3]!,
			`2025-0${(i % 9) + 1}-${day}T08:00:00Z`,
			`Meeting ${i}`
		);
		await addOutcome(db, { event_id: earlier, kind: 'decision', title: `Decision ${i}` });
		const ap = await addOutcome(db, {
			event_id: earlier,
			title: `Action point ${i}`,
			owner_organization_id: o.office,
			due_on: `2026-0${(i % 5) + 1}-01`
		});
		if (i % 3 === 0) {
			await db
				.insertInto('outcome_follow_up')
				.values({ outcome_id: ap, event_id: meeting, note: 'Carried' })
				.execute();
		}
		await insertAgreement(db, { title: `Agreement ${i}`, in_force_on: '2020-01-01' }, [o.sms, whom[i % 3]!]);
		await insertProject(db, { title: `Project ${i}`, state: 'ongoing' }, [whom[i % 3]!]);
		await insertCorrespondence(db, {
			subject: `Letter ${i}`,
			dated_on: `2025-0${(i % 9) + 1}-${day}`,
			direction: i % 2 === 0 ? 'incoming' : 'outgoing',
			sender_organization_id: i % 2 === 0 ? whom[i % 3]! : o.sms,
			recipient_organization_id: i % 2 === 0 ? o.sms : whom[i % 3]!
		});
		await db
			.insertInto('topic')
			.values({ event_id: meeting, position: i + 1, title: `Topic ${i}`, raised_by: 'our_side', ...stamps() })
			.execute();
	}
	await refreshDossiers(db);
	return meeting;
}

describeEachEngine('what the brief costs', (engine) => {
	const sizes = [1, 10] as const;
	const handles: TestDatabase[] = [];
	const counters: { queries: number }[] = [];
	const meetings: number[] = [];

	beforeAll(async () => {
		for (const size of sizes) {
			const counter = { queries: 0 };
			const handle = await engine.open({ onQuery: () => counter.queries++ });
			meetings.push(await populate(handle.db, size));
			handles.push(handle);
			counters.push(counter);
		}
	}, 120_000);
	afterAll(async () => {
		for (const handle of handles) await handle.cleanup();
	});

	test('the brief costs the same on ten times the data, and says what it left out', async () => {
		const counts: number[] = [];
		const briefs = [];
		for (const [index, handle] of handles.entries()) {
			counters[index]!.queries = 0;
			briefs.push((await findEventBrief(handle.db, meetings[index]!, TODAY))!);
			counts.push(counters[index]!.queries);
		}
		expect(counts[1]).toBe(counts[0]);
		expect(counts[0]).toBeLessThanOrEqual(20);
		const large = briefs[1]!;
		expect(large.meetings.items).toHaveLength(3);
		expect(large.meetings.left).toBe(57);
		expect(large.actionPoints.items).toHaveLength(5);
		expect(large.actionPoints.left).toBe(40 - 5);
		expect(large.followUps.items.length + large.followUps.left).toBe(20);
		expect(large.agreements.left).toBe(60 - large.agreements.items.length);
		expect(large.projects.left).toBe(60 - large.projects.items.length);
		expect(large.topics.left).toBe(60 - large.topics.items.length);
		expect(large.letters.incoming?.total).toBe(30);
		expect(large.sides[1]!.members.length + large.sides[1]!.left).toBe(1);
	});
});
