/**
 * Adding someone who may be in the directory already, on both engines: the same e-mail address in any
 * case, or the same name in any spelling or script — "Vüsal Hüseynov", "Vusal Huseynov", "Вусал Гусейнов",
 * the family name first — is shown first and nothing is written; "someone else" adds them all the same,
 * audited with the matches set aside. The look-up goes through indexes, not over the directory.
 */
import type { Kysely, LogEvent } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { createPersonAndInvite } from '$lib/server/participants/participant-invite.service';
import { PersonCreateInput } from '$lib/server/people/person.input';
import { listPeopleByNameKeyOrEmail } from '$lib/server/people/person.repository';
import { createPerson, listLikelyDuplicates, refreshNameKeys } from '$lib/server/people/person.service';
import { nameKey } from '$lib/server/search/search.text';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertPerson } from '../helpers/factories';
import { planOf } from '../helpers/query-plans';

const person = (fields: Record<string, string>) => PersonCreateInput.parse(fields);

async function countRows(db: Kysely<Database>, table: 'person' | 'audit_entry') {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

describeEachEngine('likely duplicates in the directory', (engine) => {
	let handle: TestDatabase;
	let huseynov: number;

	beforeAll(async () => {
		handle = await engine.open();
		const sms = await insertOrganization(handle.db, { name: 'State Migration Service', acronym: 'SMS' });
		const created = await createPerson(
			handle.db,
			officer,
			person({
				honorific: 'Mr',
				givenName: 'Vusal',
				familyName: 'Huseynov',
				nativeName: 'Vüsal Hüseynov',
				position: 'Chief of the State Migration Service',
				organizationId: String(sms.id),
				email: 'v.huseynov@migration.example'
			})
		);
		if (created.status !== 'created') throw new Error('The directory was empty.');
		huseynov = created.person.id;
		await insertPerson(handle.db, { given_name: 'Firudin', family_name: 'Nabiyev' });
	});
	afterAll(() => handle?.cleanup());

	test.each([
		['Vüsal', 'Hüseynov'],
		['Vusal', 'Huseynov'],
		['Вусал', 'Гусейнов'],
		['Гусейнов', 'Вусал'],
		['VUSAL', 'HUSEYNOV']
	])('“%s %s” is shown as him, and nothing is written', async (givenName, familyName) => {
		const [people, audit] = [await countRows(handle.db, 'person'), await countRows(handle.db, 'audit_entry')];
		const result = await createPerson(handle.db, officer, person({ givenName, familyName }));
		expect(result).toEqual({
			status: 'likely-duplicates',
			matches: [
				expect.objectContaining({
					id: huseynov,
					name: 'Mr Vusal Huseynov',
					position: 'Chief of the State Migration Service',
					reason: 'Same name'
				})
			]
		});
		expect(await countRows(handle.db, 'person')).toBe(people);
		expect(await countRows(handle.db, 'audit_entry')).toBe(audit);
	});

	test('a name in own script is compared too', async () => {
		const matches = await listLikelyDuplicates(handle.db, {
			givenName: 'V.',
			familyName: 'Huseynov-Aliyev',
			nativeName: 'Вусал Гусейнов',
			email: null
		});
		expect(matches.map((m) => m.id)).toEqual([huseynov]);
	});

	test('the same e-mail address in another case is a likely match, whatever the name', async () => {
		const matches = await listLikelyDuplicates(handle.db, {
			givenName: 'V.',
			familyName: 'H.',
			nativeName: null,
			email: 'V.Huseynov@Migration.Example'
		});
		expect(matches.map((m) => [m.id, m.reason])).toEqual([[huseynov, 'Same e-mail address']]);
		const both = await listLikelyDuplicates(handle.db, {
			givenName: 'Vusal',
			familyName: 'Huseynov',
			nativeName: null,
			email: 'v.huseynov@migration.example'
		});
		expect(both.map((m) => m.reason)).toEqual(['Same name and e-mail address']);
	});

	test('someone of another name is added at once', async () => {
		const result = await createPerson(
			handle.db,
			officer,
			person({ givenName: 'Vusala', familyName: 'Huseynova' })
		);
		expect(result.status).toBe('created');
	});

	test('“it is someone else” adds the person and records whom they are not', async () => {
		const result = await createPerson(
			handle.db,
			officer,
			person({ givenName: 'Вусал', familyName: 'Гусейнов', position: 'Student' }),
			{ someoneElse: true }
		);
		if (result.status !== 'created') throw new Error('Said to be someone else.');
		const entry = await handle.db
			.selectFrom('audit_entry')
			.select(['action', 'after_json'])
			.where('entity_type', '=', 'person')
			.where('entity_id', '=', result.person.id)
			.executeTakeFirstOrThrow();
		const after = typeof entry.after_json === 'string' ? JSON.parse(entry.after_json) : entry.after_json;
		expect(entry.action).toBe('person.create');
		expect(after).toMatchObject({ givenName: 'Вусал', notTheSameAs: [huseynov] });
		// Both are in the directory now, and both are what the next one with that name is shown.
		const matches = await listLikelyDuplicates(handle.db, {
			givenName: 'Vusal',
			familyName: 'Huseynov',
			nativeName: null,
			email: null
		});
		expect(matches.map((m) => m.id).sort((a, b) => a - b)).toEqual([huseynov, result.person.id]);
	});

	test('adding someone new at an event shows the matches first, and invites nobody', async () => {
		const event = await insertEvent(handle.db);
		const result = await createPersonAndInvite(
			handle.db,
			officer,
			event.id,
			person({ givenName: 'Firudin', familyName: 'Nəbiyev' }),
			{ role: 'speaker', delegationId: null }
		);
		expect(result).toMatchObject({ status: 'likely-duplicates', matches: [{ name: 'Mr Firudin Nabiyev' }] });
		expect(
			await handle.db.selectFrom('event_participant').select('id').where('event_id', '=', event.id).execute()
		).toEqual([]);
		const anyway = await createPersonAndInvite(
			handle.db,
			officer,
			event.id,
			person({ givenName: 'Firudin', familyName: 'Nəbiyev' }),
			{ role: 'speaker', delegationId: null, someoneElse: true }
		);
		expect(anyway).toMatchObject({ status: 'created', name: 'Firudin Nəbiyev' });
	});

	test('people written without a name key (by another program) are keyed before comparing', async () => {
		const raw = await insertPerson(handle.db, {
			given_name: 'Sabina',
			family_name: 'Aliyeva',
			name_key: null
		});
		const matches = await listLikelyDuplicates(handle.db, {
			givenName: 'Сабина',
			familyName: 'Алиева',
			nativeName: null,
			email: null
		});
		expect(matches.map((m) => m.id)).toEqual([raw.id]);
		expect(await refreshNameKeys(handle.db)).toBe(0);
		const row = await handle.db
			.selectFrom('person')
			.select('name_key')
			.where('id', '=', raw.id)
			.executeTakeFirstOrThrow();
		expect(row.name_key).toBe(nameKey('Sabina', 'Aliyeva'));
	});

	test('editing a name writes its new key', async () => {
		const { revisePerson, findPersonForm } = await import('$lib/server/people/person.service');
		const created = await createPerson(
			handle.db,
			officer,
			person({ givenName: 'Jonathan', familyName: 'Prentice' })
		);
		if (created.status !== 'created') throw new Error('New to the directory.');
		const form = (await findPersonForm(handle.db, created.person.id))!;
		await revisePerson(
			handle.db,
			officer,
			created.person.id,
			Number(form.values.version),
			person({ ...form.values, familyName: 'Prentiss' })
		);
		const matches = await listLikelyDuplicates(handle.db, {
			givenName: 'JONATHAN',
			familyName: 'Прентисс',
			nativeName: null,
			email: null
		});
		expect(matches.map((m) => m.id)).toEqual([created.person.id]);
	});
});

describeEachEngine('the duplicate look-up', (engine) => {
	let handle: TestDatabase;
	const queries: LogEvent[] = [];

	beforeAll(async () => {
		handle = await engine.open({ onQuery: (event) => queries.push(event) });
		for (let i = 0; i < 200; i++) {
			await insertPerson(handle.db, {
				given_name: `Given${i}`,
				family_name: `Family${i}`,
				email: `person${i}@example.org`
			});
		}
	});
	afterAll(() => handle?.cleanup());

	test('goes through the name key and e-mail indexes, never over the whole directory', async () => {
		queries.length = 0;
		await listPeopleByNameKeyOrEmail(handle.db, {
			nameKeys: [nameKey('Vusal', 'Huseynov')],
			email: 'Person7@Example.org',
			limit: 10
		});
		const lookup = queries.find((q) => q.query.sql.includes('name_key'))!.query;
		const plan = await planOf(handle, lookup);
		expect(plan).not.toMatch(handle.engine === 'postgres' ? /Seq Scan on person/ : /SCAN person\b/);
		expect(plan).toContain('person_name_key_idx');
		expect(plan).toContain('person_email_idx');
	});
});
