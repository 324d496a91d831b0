/**
 * Editing a person on both engines: every field saved and audited; a save from an older version is
 * refused with the other officer's values and writes nothing; an address another person has, or an
 * organisation that does not exist, is refused beside its field; past participations keep the title
 * held then.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { NotFound, RuleViolation, StaleRecord } from '$lib/server/errors';
import { PersonCreateInput, type PersonFormValues } from '$lib/server/people/person.input';
import { createPerson, findPersonForm, revisePerson } from '$lib/server/people/person.service';
import { officer, otherOfficer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization } from '../helpers/factories';

async function refusedBy(promise: Promise<unknown>): Promise<unknown> {
	return promise.then(
		() => null,
		(e: unknown) => e
	);
}

describeEachEngine('editing a person', (engine) => {
	let handle: TestDatabase;
	let personId: number;
	let sms: number;

	const edited = async (changes: Partial<PersonFormValues>) => {
		const form = (await findPersonForm(handle.db, personId))!;
		return {
			input: PersonCreateInput.parse({ ...form.values, ...changes }),
			version: Number(form.values.version)
		};
	};

	beforeAll(async () => {
		handle = await engine.open();
		sms = (await insertOrganization(handle.db, { name: 'State Migration Service', acronym: 'SMS' })).id;
		const person = await createPerson(
			handle.db,
			officer,
			PersonCreateInput.parse({
				honorific: 'Mr',
				givenName: 'Vusal',
				familyName: 'Huseynov',
				organizationId: String(sms),
				position: 'Deputy Chief'
			})
		);
		if (person.status !== 'created') throw new Error('The directory was empty.');
		personId = person.person.id;
		await createPerson(
			handle.db,
			officer,
			PersonCreateInput.parse({
				givenName: 'Aysel',
				familyName: 'Mammadova',
				email: 'aysel@migration.example'
			})
		);
	});
	afterAll(() => handle?.cleanup());

	test('every field is saved, and what changed is audited before and after', async () => {
		const { input, version } = await edited({
			position: 'Chief of the State Migration Service',
			rank: 'Major General of the Migration Service',
			precedenceLevel: '2',
			headsOrganization: 'on',
			nativeName: 'Vüsal Hüseynov',
			email: 'chief@migration.example',
			contactPublic: 'on'
		});
		await revisePerson(handle.db, officer, personId, version, input);
		const form = (await findPersonForm(handle.db, personId))!;
		expect(form.values).toMatchObject({
			position: 'Chief of the State Migration Service',
			rank: 'Major General of the Migration Service',
			precedenceLevel: '2',
			headsOrganization: 'on',
			nativeName: 'Vüsal Hüseynov',
			contactPublic: 'on',
			version: String(version + 1)
		});
		const audit = await handle.db
			.selectFrom('audit_entry')
			.select(['before_json', 'after_json'])
			.where('action', '=', 'person.update')
			.where('entity_id', '=', personId)
			.executeTakeFirstOrThrow();
		expect(JSON.parse(audit.before_json!)).toMatchObject({
			position: 'Deputy Chief',
			precedence_level: null
		});
		expect(JSON.parse(audit.after_json!)).toMatchObject({
			position: 'Chief of the State Migration Service',
			precedence_level: 2
		});
	});

	test('the later of two officers saving from the same version is refused and shown the other version', async () => {
		const first = await edited({ rank: 'Colonel' });
		const second = await edited({ notes: 'Prefers to be addressed in Azerbaijani.' });
		await revisePerson(handle.db, otherOfficer, personId, first.version, first.input);
		const error = await refusedBy(revisePerson(handle.db, officer, personId, second.version, second.input));
		expect(error).toBeInstanceOf(StaleRecord);
		expect(((error as StaleRecord).current as PersonFormValues).rank).toBe('Colonel');
		expect((await findPersonForm(handle.db, personId))!.values.notes).toBe('');
	});

	test("another person's address, or an organisation that does not exist, is refused beside its field", async () => {
		const taken = await edited({ email: 'AYSEL@migration.example' });
		const error = await refusedBy(revisePerson(handle.db, officer, personId, taken.version, taken.input));
		expect(error).toBeInstanceOf(RuleViolation);
		expect((error as RuleViolation).fields.email).toBe('Aysel Mammadova has this e-mail address already.');
		const nowhere = await edited({ organizationId: '999999' });
		const error2 = await refusedBy(
			revisePerson(handle.db, officer, personId, nowhere.version, nowhere.input)
		);
		expect((error2 as RuleViolation).fields.organizationId).toBe('Choose an organisation from the list.');
		expect(await refusedBy(revisePerson(handle.db, officer, 999999, 1, nowhere.input))).toBeInstanceOf(
			NotFound
		);
	});

	test('bad input is refused by the form with a message for each field', () => {
		const result = PersonCreateInput.safeParse({
			givenName: '',
			familyName: 'X',
			precedenceLevel: 'first',
			email: 'not-an-address',
			phone: 'call me'
		});
		expect(result.success).toBe(false);
		const fields = result.error!.issues.map((i) => i.path[0]);
		expect(fields).toEqual(expect.arrayContaining(['givenName', 'precedenceLevel', 'email', 'phone']));
	});

	test('a past event keeps the title the person held there', async () => {
		const event = await insertEvent(handle.db, { title: 'Consultations of 2019' });
		await handle.db
			.insertInto('event_participant')
			.values({
				event_id: event.id,
				person_id: personId,
				role: 'host',
				position_at_event: 'Deputy Chief',
				created_at: event.created_at,
				updated_at: event.created_at
			})
			.execute();
		const { input, version } = await edited({ position: 'Ambassador' });
		await revisePerson(handle.db, officer, personId, version, input);
		const row = await handle.db
			.selectFrom('event_participant')
			.select('position_at_event')
			.where('event_id', '=', event.id)
			.executeTakeFirstOrThrow();
		expect(row.position_at_event).toBe('Deputy Chief');
	});
});
