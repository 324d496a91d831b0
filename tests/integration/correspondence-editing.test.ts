/**
 * Registering and editing correspondence on both engines: a note verbale with its reference number,
 * sender, signatory and the event it leads to; links to events changed and removed; a save from an
 * older version refused with the other officer's values; unknown people refused beside the field.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
	CorrespondenceInput,
	emptyCorrespondenceForm,
	type CorrespondenceFormValues
} from '$lib/server/correspondence/correspondence.input';
import {
	createCorrespondence,
	findCorrespondenceForm,
	findCorrespondencePage,
	reviseCorrespondence
} from '$lib/server/correspondence/correspondence.service';
import { RuleViolation, StaleRecord } from '$lib/server/errors';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertPerson } from '../helpers/factories';

describeEachEngine('correspondence', (engine) => {
	let handle: TestDatabase;
	let noteId: number;
	const ids: Record<string, number> = {};

	const form = async (changes: Partial<CorrespondenceFormValues> = {}) => {
		const current = (await findCorrespondenceForm(handle.db, noteId))!;
		return {
			input: CorrespondenceInput.parse({ ...current.values, ...changes }),
			version: Number(current.values.version)
		};
	};

	beforeAll(async () => {
		handle = await engine.open();
		ids.sms = (await insertOrganization(handle.db, { name: 'State Migration Service', acronym: 'SMS' })).id;
		ids.mfa = (
			await insertOrganization(handle.db, { name: 'Ministry of Foreign Affairs', acronym: 'MFA' })
		).id;
		ids.chief = (await insertPerson(handle.db, { given_name: 'Vusal', family_name: 'Huseynov' })).id;
		ids.forum = (await insertEvent(handle.db, { title: 'International Migration Review Forum' })).id;
		ids.debrief = (await insertEvent(handle.db, { title: 'Debrief after the Forum' })).id;
		noteId = await createCorrespondence(
			handle.db,
			officer,
			CorrespondenceInput.parse({
				...emptyCorrespondenceForm(),
				direction: 'incoming',
				kind: 'note_verbale',
				referenceNumber: '0451/13/21/26',
				datedOn: '2022-04-26',
				place: 'Baku',
				senderOrganizationId: String(ids.mfa),
				recipientOrganizationId: String(ids.sms),
				signatoryPersonId: String(ids.chief),
				subject: 'Participation in the International Migration Review Forum',
				events: `${ids.forum}:leads_to`
			})
		);
	});
	afterAll(() => handle?.cleanup());

	test('a note verbale is registered with its reference, parties and the event it leads to', async () => {
		const page = (await findCorrespondencePage(handle.db, noteId))!;
		expect(page).toMatchObject({ referenceNumber: '0451/13/21/26', datedOn: '2022-04-26' });
		expect(page.events.map((e) => [e.id, e.link])).toEqual([[ids.forum, 'leads_to']]);
	});

	test('an edit changes fields and links; an older version is refused with the saved one', async () => {
		const first = await form({
			summary: 'Transmits the letter 09/1502.',
			events: `${ids.forum}:concerns,${ids.debrief}:leads_to`
		});
		await reviseCorrespondence(handle.db, officer, noteId, first.version, first.input);
		const values = (await findCorrespondenceForm(handle.db, noteId))!.values;
		expect(values.summary).toBe('Transmits the letter 09/1502.');
		expect(values.events.split(',').sort()).toEqual(
			[`${ids.debrief}:leads_to`, `${ids.forum}:concerns`].sort()
		);
		const stale = await reviseCorrespondence(handle.db, officer, noteId, first.version, first.input).catch(
			(e: unknown) => e
		);
		expect(stale).toBeInstanceOf(StaleRecord);
		expect(((stale as StaleRecord).current as CorrespondenceFormValues).summary).toBe(
			'Transmits the letter 09/1502.'
		);

		const unlinked = await form({ events: `${ids.debrief}:leads_to` });
		await reviseCorrespondence(handle.db, officer, noteId, unlinked.version, unlinked.input);
		expect((await findCorrespondencePage(handle.db, noteId))!.events.map((e) => e.id)).toEqual([ids.debrief]);
		const audit = await handle.db
			.selectFrom('audit_entry')
			.select('action')
			.where('entity_type', '=', 'correspondence')
			.execute();
		expect(audit.map((a) => a.action)).toEqual([
			'correspondence.create',
			'correspondence.update',
			'correspondence.update'
		]);
	});

	test('bad input and unknown people are refused beside their field', async () => {
		const bad = CorrespondenceInput.safeParse({
			...emptyCorrespondenceForm(),
			kind: 'telegram',
			datedOn: '2022-02-30',
			subject: '',
			events: '1:maybe'
		});
		expect(bad.error!.issues.map((i) => i.path[0])).toEqual(
			expect.arrayContaining(['kind', 'datedOn', 'subject', 'events'])
		);
		const unknown = await form({ addresseePersonId: '999999' });
		const error = await reviseCorrespondence(
			handle.db,
			officer,
			noteId,
			unknown.version,
			unknown.input
		).catch((e: unknown) => e);
		expect((error as RuleViolation).fields.addresseePersonId).toBe('Choose a person from the list.');
	});
});
