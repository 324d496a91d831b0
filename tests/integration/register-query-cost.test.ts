/**
 * The agreements register, the projects list and their pages cost a fixed number of queries whatever
 * the size of the data: the same count on a small data set and on one ten times larger.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { findAgreementPage, getAgreementRegister } from '$lib/server/agreements/agreement.service';
import type { Database } from '$lib/server/db/schema';
import { findEventPage } from '$lib/server/events/event-read.service';
import { findProjectPage, getProjectRegister } from '$lib/server/projects/project.service';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertAgreement, insertEvent, insertOrganization, insertProject } from '../helpers/factories';

interface Made {
	agreement: number;
	project: number;
	event: number;
	organization: number;
}

/** `n` agreements and projects between the same partners, each project linked to everything. */
async function populate(db: Kysely<Database>, n: number): Promise<Made> {
	const now = new Date().toISOString();
	const stamps = { created_at: now, updated_at: now };
	const sms = await insertOrganization(db);
	const iom = await insertOrganization(db, {
		name: 'International Organization for Migration',
		acronym: 'IOM'
	});
	const event = await insertEvent(db, { title: 'Signing ceremony' });
	let made: Made | null = null;
	for (let i = 0; i < n; i++) {
		const agreement = await insertAgreement(
			db,
			{
				title: `Agreement ${i}`,
				signed_on: '2016-12-08',
				signed_event_id: event.id,
				in_force_on: '2017-03-02'
			},
			[sms.id, iom.id]
		);
		const project = await insertProject(db, { title: `Project ${i}` }, [sms.id, iom.id]);
		const letter = await db
			.insertInto('correspondence')
			.values({ kind: 'letter', dated_on: '2021-09-02', subject: `Letter ${i}`, ...stamps })
			.returning('id')
			.executeTakeFirstOrThrow();
		const outcome = await db
			.insertInto('outcome')
			.values({ kind: 'decision', title: `Decision ${i}`, event_id: event.id, ...stamps })
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('agreement_correspondence')
			.values({ agreement_id: agreement.id, correspondence_id: letter.id })
			.execute();
		await db.insertInto('project_event').values({ project_id: project.id, event_id: event.id }).execute();
		await db
			.insertInto('project_outcome')
			.values({ project_id: project.id, outcome_id: outcome.id })
			.execute();
		await db
			.insertInto('project_correspondence')
			.values({ project_id: project.id, correspondence_id: letter.id })
			.execute();
		await db
			.insertInto('project_agreement')
			.values({ project_id: project.id, agreement_id: agreement.id })
			.execute();
		made ??= { agreement: agreement.id, project: project.id, event: event.id, organization: iom.id };
	}
	// The first agreement and project carry every letter and link, as a busy one would.
	const first = made!;
	const letters = await db.selectFrom('correspondence').select('id').orderBy('id').execute();
	for (const letter of letters.slice(1)) {
		await db
			.insertInto('agreement_correspondence')
			.values({ agreement_id: first.agreement, correspondence_id: letter.id })
			.execute();
	}
	const agreements = await db.selectFrom('agreement').select('id').execute();
	for (const agreement of agreements) {
		if (agreement.id === first.agreement) continue;
		await db
			.insertInto('project_agreement')
			.values({ project_id: first.project, agreement_id: agreement.id })
			.execute();
	}
	return first;
}

describeEachEngine('what the registers cost', (engine) => {
	const sizes = [3, 30] as const;
	const handles: TestDatabase[] = [];
	const counters: { queries: number }[] = [];
	const made: Made[] = [];

	beforeAll(async () => {
		for (const size of sizes) {
			const counter = { queries: 0 };
			const handle = await engine.open({ onQuery: () => counter.queries++ });
			made.push(await populate(handle.db, size));
			handles.push(handle);
			counters.push(counter);
		}
	});
	afterAll(async () => {
		for (const handle of handles) await handle.cleanup();
	});

	async function cost(run: (db: Kysely<Database>, made: Made) => Promise<unknown>) {
		const counts: number[] = [];
		for (const [index, handle] of handles.entries()) {
			counters[index]!.queries = 0;
			await run(handle.db, made[index]!);
			counts.push(counters[index]!.queries);
		}
		return counts;
	}

	test('the agreements register costs two queries on ten times the data, its party filter chosen by name', async () => {
		const counts = await cost((db, m) =>
			getAgreementRegister(db, { organizationId: m.organization, state: 'in_force', page: { limit: 25 } })
		);
		expect(counts).toEqual([2, 2]);
	});

	test('an agreement page costs the same on ten times the data', async () => {
		const pages: Awaited<ReturnType<typeof findAgreementPage>>[] = [];
		const counts = await cost(async (db, m) => pages.push(await findAgreementPage(db, m.agreement)));
		expect(pages[1]!.agreement.letters).toHaveLength(30);
		expect(pages[1]!.agreement.projects).toHaveLength(1);
		expect(counts[1]).toBe(counts[0]);
		// The agreement, its parties, letters, projects, and the meeting's topic it was drafted from.
		expect(counts[0]).toBeLessThanOrEqual(5);
	});

	test('the projects list costs two queries on ten times the data, its partner filter chosen by name', async () => {
		const counts = await cost((db, m) =>
			getProjectRegister(db, { organizationId: m.organization, state: 'ongoing', page: { limit: 25 } })
		);
		expect(counts).toEqual([2, 2]);
	});

	test('a project page costs the same on ten times the data', async () => {
		const pages: Awaited<ReturnType<typeof findProjectPage>>[] = [];
		const counts = await cost(async (db, m) => pages.push(await findProjectPage(db, m.project)));
		expect(pages[1]!.project.agreements).toHaveLength(30);
		expect(pages[1]!.project.partners).toHaveLength(2);
		expect(counts[1]).toBe(counts[0]);
		expect(counts[0]).toBeLessThanOrEqual(8);
	});

	test('the event page, with agreements and projects, costs the same on ten times the data', async () => {
		const events: Awaited<ReturnType<typeof findEventPage>>[] = [];
		const eventCounts = await cost(async (db, m) => events.push(await findEventPage(db, m.event)));
		expect(events[1]!.agreements).toHaveLength(30);
		expect(events[1]!.projects).toHaveLength(30);
		expect(eventCounts[1]).toBe(eventCounts[0]);
	});
});
