/**
 * Merging a person recorded twice, and deleting one, on both engines. A merge moves every row that names
 * the one removed — participations (one per event, agenda roles joined where both took part), outcomes,
 * letters, posts, links, feeds, account, outbox — in one transaction, audited; the old address leads to
 * the one kept. A person is deleted only when nothing names them; otherwise the refusal says what does.
 * Every table that refers to person is handled: the list is compared with the schema's foreign keys.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { Conflict, RuleViolation, StaleRecord } from '$lib/server/errors';
import { PERSON_REFERENCES } from '$lib/server/people/person-merge.repository';
import {
	deletePerson,
	findMergedInto,
	findPersonDeletion,
	findPersonMergePage,
	mergePeople
} from '$lib/server/people/person-merge.service';
import { PersonPositionInput } from '$lib/server/people/person-position.input';
import { addPersonPosition } from '$lib/server/people/person-position.service';
import { findPersonPage } from '$lib/server/people/person.service';
import { searchEverything } from '$lib/server/search/search.service';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertPerson, stamps } from '../helpers/factories';

async function version(db: Kysely<Database>, personId: number) {
	const row = await db
		.selectFrom('person')
		.select('version')
		.where('id', '=', personId)
		.executeTakeFirstOrThrow();
	return row.version;
}

async function merge(db: Kysely<Database>, personId: number, intoId: number) {
	return mergePeople(db, officer, personId, {
		intoId,
		version: await version(db, personId),
		intoVersion: await version(db, intoId)
	});
}

async function participate(
	db: Kysely<Database>,
	eventId: number,
	personId: number,
	fields: Partial<{ rsvp_status: 'invited' | 'accepted'; position_at_event: string; notes: string }> = {}
) {
	return db
		.insertInto('event_participant')
		.values({ event_id: eventId, person_id: personId, role: 'speaker', ...stamps(), ...fields })
		.returning('id')
		.executeTakeFirstOrThrow();
}

async function agendaItem(db: Kysely<Database>, eventId: number, title: string) {
	return db
		.insertInto('agenda_item')
		.values({ event_id: eventId, position: 1, kind: 'speech', title, ...stamps() })
		.returning('id')
		.executeTakeFirstOrThrow();
}

describeEachEngine('merging two records of one person', (engine) => {
	let handle: TestDatabase;
	let db: Kysely<Database>;

	beforeAll(async () => {
		handle = await engine.open();
		db = handle.db;
	});
	afterAll(() => handle?.cleanup());

	test('every table that names a person is one the merge moves', async () => {
		const { rows } =
			handle.engine === 'postgres'
				? // pg_catalog, not information_schema: its constraint views take tens of seconds when
					// the test database holds many schemas, as it does while every file runs at once.
					await sql<{ table_name: string; column_name: string }>`
						select cl.relname as table_name, a.attname as column_name
						from pg_constraint c
						join pg_class cl on cl.oid = c.conrelid
						join pg_namespace n on n.oid = cl.relnamespace
						join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
						where c.contype = 'f' and n.nspname = current_schema()
							and c.confrelid = to_regclass(quote_ident(current_schema()) || '.person')`.execute(db)
				: await sql<{ table_name: string; column_name: string }>`
						select m.name as table_name, f."from" as column_name
						from sqlite_master m, pragma_foreign_key_list(m.name) f
						where m.type = 'table' and f."table" = 'person'`.execute(db);
		const inSchema = rows.map((r) => `${r.table_name}.${r.column_name}`).sort();
		const handled = [
			...PERSON_REFERENCES.map((r) => `${r.table}.${r.column}`),
			// Moved on their own: one participation per event and person; redirects to the removed one.
			'event_participant.person_id',
			'person_redirect.person_id'
		].sort();
		expect(inSchema).toEqual(handled);
	});

	test('everything moves to the one kept; where both took part, one participation stays with both roles', async () => {
		const kept = await insertPerson(db, { given_name: 'Vusal', family_name: 'Huseynov' });
		const duplicate = await insertPerson(db, {
			given_name: 'Вусал',
			family_name: 'Гусейнов',
			email: 'v.huseynov@migration.example',
			rank: 'II rank state migration service counselor',
			position: 'Chief of the State Migration Service',
			position_locale: 'en',
			position_ru: 'Начальник Государственной миграционной службы'
		});
		const both = await insertEvent(db, { title: 'International Migrants Day 2021' });
		const onlyDuplicate = await insertEvent(db, { title: 'Meeting with the Regional Director of IOM' });
		const onlyKept = await insertEvent(db, { title: 'Post-IMRF Debrief' });
		const keptAtBoth = await participate(db, both.id, kept.id);
		const duplicateAtBoth = await participate(db, both.id, duplicate.id, {
			rsvp_status: 'accepted',
			position_at_event: 'Chief of the State Migration Service',
			notes: 'Confirmed by phone.'
		});
		const duplicateAlone = await participate(db, onlyDuplicate.id, duplicate.id);
		await participate(db, onlyKept.id, kept.id);
		const welcome = await agendaItem(db, both.id, 'Welcoming address');
		const remarks = await agendaItem(db, onlyDuplicate.id, 'Opening remarks');
		await db
			.insertInto('agenda_item_role')
			.values([
				{ agenda_item_id: welcome.id, participant_id: keptAtBoth.id, role: 'chair' },
				{ agenda_item_id: welcome.id, participant_id: duplicateAtBoth.id, role: 'chair' },
				{ agenda_item_id: welcome.id, participant_id: duplicateAtBoth.id, role: 'speaker' },
				{ agenda_item_id: remarks.id, participant_id: duplicateAlone.id, role: 'speaker' }
			])
			.execute();
		const outcome = await db
			.insertInto('outcome')
			.values({ kind: 'action_point', title: 'Send the roadmap', owner_person_id: duplicate.id, ...stamps() })
			.returning('id')
			.executeTakeFirstOrThrow();
		const letter = await db
			.insertInto('correspondence')
			.values({
				kind: 'letter',
				dated_on: '2021-09-02',
				subject: 'Champion countries',
				signatory_person_id: duplicate.id,
				addressee_person_id: duplicate.id,
				...stamps()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('personal_link')
			.values({
				id: 'link-of-duplicate',
				person_id: duplicate.id,
				secret_hash: 'x',
				created_at: new Date().toISOString(),
				expires_at: new Date(Date.now() + 86_400_000).toISOString()
			})
			.execute();
		await db
			.insertInto('calendar_feed')
			.values({
				id: 'feed-of-duplicate',
				secret_hash: 'x',
				name: 'His engagements',
				person_id: duplicate.id,
				created_at: new Date().toISOString()
			})
			.execute();
		await addPersonPosition(
			db,
			officer,
			duplicate.id,
			PersonPositionInput.parse({
				position: 'Chief of the State Migration Service',
				organizationId: '',
				rank: '',
				fromOn: '',
				toOn: '',
				notes: ''
			})
		);
		// An earlier merge into the duplicate: its address must lead to the one kept in the end.
		const earlier = await insertPerson(db, { given_name: 'V.', family_name: 'Huseynov' });
		await merge(db, earlier.id, duplicate.id);
		expect(await findMergedInto(db, earlier.id)).toBe(duplicate.id);

		const result = await merge(db, duplicate.id, kept.id);
		expect(result).toEqual({ keptId: kept.id });

		expect(await db.selectFrom('person').select('id').where('id', '=', duplicate.id).execute()).toEqual([]);
		expect(await findMergedInto(db, duplicate.id)).toBe(kept.id);
		expect(await findMergedInto(db, earlier.id)).toBe(kept.id);

		const participations = await db
			.selectFrom('event_participant')
			.select(['id', 'event_id', 'person_id', 'rsvp_status', 'position_at_event', 'notes'])
			.where('event_id', 'in', [both.id, onlyDuplicate.id, onlyKept.id])
			.orderBy('event_id')
			.execute();
		expect(participations.map((p) => [p.event_id, p.person_id])).toEqual([
			[both.id, kept.id],
			[onlyDuplicate.id, kept.id],
			[onlyKept.id, kept.id]
		]);
		// At the event both attended, the kept participation took the answer and what it lacked.
		expect(participations[0]).toMatchObject({
			id: keptAtBoth.id,
			rsvp_status: 'accepted',
			position_at_event: 'Chief of the State Migration Service',
			notes: 'Confirmed by phone.'
		});
		const roles = await db
			.selectFrom('agenda_item_role')
			.select(['agenda_item_id', 'participant_id', 'role'])
			.where('agenda_item_id', 'in', [welcome.id, remarks.id])
			.orderBy('agenda_item_id')
			.orderBy('role')
			.execute();
		expect(roles).toEqual([
			{ agenda_item_id: welcome.id, participant_id: keptAtBoth.id, role: 'chair' },
			{ agenda_item_id: welcome.id, participant_id: keptAtBoth.id, role: 'speaker' },
			{ agenda_item_id: remarks.id, participant_id: duplicateAlone.id, role: 'speaker' }
		]);

		const owner = await db
			.selectFrom('outcome')
			.select('owner_person_id')
			.where('id', '=', outcome.id)
			.executeTakeFirstOrThrow();
		expect(owner.owner_person_id).toBe(kept.id);
		const signed = await db
			.selectFrom('correspondence')
			.select(['signatory_person_id', 'addressee_person_id'])
			.where('id', '=', letter.id)
			.executeTakeFirstOrThrow();
		expect(signed).toEqual({ signatory_person_id: kept.id, addressee_person_id: kept.id });
		for (const table of ['personal_link', 'calendar_feed', 'person_position'] as const) {
			const rows = await db.selectFrom(table).select('person_id').where('person_id', '=', kept.id).execute();
			expect(rows, table).toHaveLength(1);
		}
		// The kept record's empty fields took the duplicate's values.
		const keptRow = await db
			.selectFrom('person')
			.selectAll()
			.where('id', '=', kept.id)
			.executeTakeFirstOrThrow();
		expect(keptRow).toMatchObject({
			email: 'v.huseynov@migration.example',
			rank: 'II rank state migration service counselor',
			given_name: 'Vusal',
			// The post came with its versions.
			position: 'Chief of the State Migration Service',
			position_locale: 'en',
			position_ru: 'Начальник Государственной миграционной службы'
		});

		const entry = await db
			.selectFrom('audit_entry')
			.select('after_json')
			.where('action', '=', 'person.merge')
			.where('entity_id', '=', kept.id)
			.executeTakeFirstOrThrow();
		const what = typeof entry.after_json === 'string' ? JSON.parse(entry.after_json) : entry.after_json;
		expect(what).toMatchObject({
			mergedPersonId: duplicate.id,
			mergedName: 'Mr Вусал Гусейнов',
			participations: 1,
			eventsBothAttended: [both.id],
			agendaRolesJoined: 1,
			outcomes: 1,
			lettersSigned: 1,
			lettersAddressed: 1,
			personalLinks: 1,
			feeds: 1,
			positions: 1,
			earlierMergesRedirected: 1,
			filled: { email: 'v.huseynov@migration.example', rank: 'II rank state migration service counselor' }
		});

		// His page: all three events, the merged name, the post held at each.
		const page = (await findPersonPage(db, kept.id, { privateContacts: true }))!;
		expect(page.participations.map((p) => p.title).sort()).toEqual([
			'International Migrants Day 2021',
			'Meeting with the Regional Director of IOM',
			'Post-IMRF Debrief'
		]);
		expect(
			page.participations.every((p) => p.positionAtEvent === 'Chief of the State Migration Service')
		).toBe(true);
		expect(page.alsoRecordedAs.map((a) => a.name).sort()).toEqual(['Mr V. Huseynov', 'Mr Вусал Гусейнов']);
		// Search finds one record, whichever script is typed.
		const found = await searchEverything(db, 'Гусейнов');
		expect(found.groups.find((g) => g.type === 'person')?.hits.map((h) => h.id)).toEqual([kept.id]);
	});

	test('a person is not merged into themselves, into no one, or from a page gone stale', async () => {
		const a = await insertPerson(db, { given_name: 'Aysel', family_name: 'Mammadova' });
		const b = await insertPerson(db, { given_name: 'Aysel', family_name: 'Məmmədova' });
		await expect(merge(db, a.id, a.id)).rejects.toBeInstanceOf(RuleViolation);
		await expect(
			mergePeople(db, officer, a.id, { intoId: 999_999, version: 1, intoVersion: 1 })
		).rejects.toBeInstanceOf(RuleViolation);
		await db
			.updateTable('person')
			.set({ notes: 'Changed meanwhile.', version: 2 })
			.where('id', '=', b.id)
			.execute();
		await expect(
			mergePeople(db, officer, a.id, { intoId: b.id, version: 1, intoVersion: 1 })
		).rejects.toBeInstanceOf(StaleRecord);
		expect(await db.selectFrom('person').select('id').where('id', '=', a.id).execute()).toHaveLength(1);
	});

	test('a person added later under a merged id (SQLite reuses the highest) is theirs, not a redirect', async () => {
		const kept = await insertPerson(db, { given_name: 'Sabina', family_name: 'Aliyeva' });
		const copy = await insertPerson(db, { given_name: 'Сабина', family_name: 'Алиева' });
		await merge(db, copy.id, kept.id);
		const { createPerson } = await import('$lib/server/people/person.service');
		const { PersonCreateInput } = await import('$lib/server/people/person.input');
		const next = await createPerson(
			db,
			officer,
			PersonCreateInput.parse({ givenName: 'Yasmina', familyName: 'Pinjo' })
		);
		if (next.status !== 'created') throw new Error('New to the directory.');
		expect(await findMergedInto(db, next.person.id)).toBeNull();
		// And that one may be merged in turn.
		await merge(db, next.person.id, kept.id);
		expect(await findMergedInto(db, next.person.id)).toBe(kept.id);
	});

	test('the merge page finds the one to keep in any script, and says what each has', async () => {
		const real = await insertPerson(db, { given_name: 'Firudin', family_name: 'Nabiyev' });
		const copy = await insertPerson(db, { given_name: 'Фирудин', family_name: 'Набиев' });
		const event = await insertEvent(db, { title: '107th Session of the IOM Council' });
		await participate(db, event.id, real.id);
		const page = (await findPersonMergePage(db, copy.id, { query: 'Nabiyev', intoId: real.id }))!;
		expect(page.found.map((hit) => hit.id)).toEqual([real.id]);
		expect(page.into).toMatchObject({ id: real.id, references: [{ kind: 'participations', count: 1 }] });
		expect(page.person.references).toEqual([]);
		expect(await findPersonMergePage(db, 999_999, { query: '', intoId: null })).toBeNull();
	});
});

describeEachEngine('deleting a person', (engine) => {
	let handle: TestDatabase;
	let db: Kysely<Database>;

	beforeAll(async () => {
		handle = await engine.open();
		db = handle.db;
	});
	afterAll(() => handle?.cleanup());

	test('someone the directory names is not deleted; the refusal says what names them', async () => {
		const person = await insertPerson(db, { given_name: 'Manfred', family_name: 'Profazi' });
		const meeting = await insertEvent(db);
		await participate(db, meeting.id, person.id);
		await participate(db, (await insertEvent(db)).id, person.id);
		await db
			.insertInto('outcome')
			.values({ kind: 'decision', title: 'Joint project', owner_person_id: person.id, ...stamps() })
			.execute();
		const deletion = (await findPersonDeletion(db, person.id))!;
		expect(deletion.blockers.map((b) => b.label)).toEqual(['2 events taken part in', '1 outcome owned']);
		const refusal = await deletePerson(db, officer, person.id, deletion.version).catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(Conflict);
		expect((refusal as Conflict).message).toContain('2 events taken part in, 1 outcome owned');
		expect((refusal as Conflict).message).toContain('Merge them');
		expect(await db.selectFrom('person').select('id').where('id', '=', person.id).execute()).toHaveLength(1);
	});

	test('someone nothing names is deleted with their posts, and audited', async () => {
		const person = await insertPerson(db, { given_name: 'Typo', family_name: 'Entry' });
		await addPersonPosition(
			db,
			officer,
			person.id,
			PersonPositionInput.parse({
				position: 'Clerk',
				organizationId: '',
				rank: '',
				fromOn: '',
				toOn: '',
				notes: ''
			})
		);
		const deletion = (await findPersonDeletion(db, person.id))!;
		expect(deletion.blockers).toEqual([]);
		expect(deletion.goesWith.map((g) => g.label)).toEqual(['1 post over time']);
		await expect(deletePerson(db, officer, person.id, deletion.version + 1)).rejects.toBeInstanceOf(
			StaleRecord
		);
		await deletePerson(db, officer, person.id, deletion.version);
		expect(await db.selectFrom('person').select('id').where('id', '=', person.id).execute()).toEqual([]);
		expect(
			await db.selectFrom('person_position').select('id').where('person_id', '=', person.id).execute()
		).toEqual([]);
		const entry = await db
			.selectFrom('audit_entry')
			.select('action')
			.where('entity_type', '=', 'person')
			.where('entity_id', '=', person.id)
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(entry.action).toBe('person.delete');
	});
});

describeEachEngine('what merging and deleting cost', (engine) => {
	const handles: TestDatabase[] = [];
	const counters: { queries: number }[] = [];
	const pairs: { duplicate: number; kept: number }[] = [];

	beforeAll(async () => {
		for (const size of [1, 10]) {
			const counter = { queries: 0 };
			const handle = await engine.open({ onQuery: () => counter.queries++ });
			const kept = await insertPerson(handle.db, { given_name: 'Vusal', family_name: 'Huseynov' });
			const duplicate = await insertPerson(handle.db, { given_name: 'Вусал', family_name: 'Гусейнов' });
			// One event both attended, and ten times the events only the duplicate attended.
			const shared = await insertEvent(handle.db);
			await participate(handle.db, shared.id, kept.id);
			await participate(handle.db, shared.id, duplicate.id);
			for (let i = 0; i < 5 * size; i++) {
				const event = await insertEvent(handle.db, { title: `Event ${i}` });
				await participate(handle.db, event.id, duplicate.id);
				await handle.db
					.insertInto('outcome')
					.values({ kind: 'decision', title: `Decision ${i}`, owner_person_id: duplicate.id, ...stamps() })
					.execute();
			}
			handles.push(handle);
			counters.push(counter);
			pairs.push({ duplicate: duplicate.id, kept: kept.id });
		}
	});
	afterAll(async () => {
		for (const handle of handles) await handle.cleanup();
	});

	async function cost(
		run: (db: Kysely<Database>, pair: { duplicate: number; kept: number }) => Promise<unknown>
	) {
		const counts: number[] = [];
		for (const [i, handle] of handles.entries()) {
			counters[i]!.queries = 0;
			await run(handle.db, pairs[i]!);
			counts.push(counters[i]!.queries);
		}
		return counts;
	}

	test('the merge and delete pages, and the merge itself, cost the same on ten times the data', async () => {
		const mergePage = await cost((db, p) =>
			findPersonMergePage(db, p.duplicate, { query: 'Huseynov', intoId: p.kept })
		);
		expect(mergePage[1]).toBe(mergePage[0]);
		const deletion = await cost((db, p) => findPersonDeletion(db, p.duplicate));
		expect(deletion[1]).toBe(deletion[0]);
		const merged = await cost((db, p) => merge(db, p.duplicate, p.kept));
		expect(merged[1]).toBe(merged[0]);
	});
});
