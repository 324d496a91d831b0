/**
 * Thank-you letters on both engines: after a bilateral meeting the heads of the other delegation are
 * offered (not our own side), each letter pre-filled from the meeting; drafting makes one outgoing
 * letter a person, linked to the event and the addressee, with no reference number; drafting again makes
 * none; someone not offered is refused with nothing written; the draft is edited through the form and
 * registered with a reference number, which the sender may not use twice; a meeting with no other side
 * offers its guests of honour; viewers are refused.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
	CorrespondenceInput,
	CorrespondenceRegisterInput
} from '$lib/server/correspondence/correspondence.input';
import {
	discardDraft,
	findCorrespondenceForm,
	findCorrespondencePage,
	listCorrespondenceOfEvent,
	registerCorrespondence,
	reviseCorrespondence
} from '$lib/server/correspondence/correspondence.service';
import { draftThankYouLetters, getThankYouLetters } from '$lib/server/correspondence/thank-you.service';
import { findDossier } from '$lib/server/dossier/dossier.service';
import { Conflict, Forbidden, NotFound, RuleViolation } from '$lib/server/errors';
import type { Actor } from '$lib/server/audit/audit';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertPerson, insertVenue, stamps } from '../helpers/factories';

const viewer: Actor = { ...officer, label: 'viewer@protokol.test', role: 'viewer' };

describeEachEngine('thank-you letters', (engine) => {
	let handle: TestDatabase;
	const ids = {} as Record<
		'sms' | 'iom' | 'chief' | 'swing' | 'member' | 'stranger' | 'meeting' | 'reception',
		number
	>;

	const delegation = async (eventId: number, name: string, organizationId: number, position: number) =>
		(
			await handle.db
				.insertInto('delegation')
				.values({ event_id: eventId, name, organization_id: organizationId, position })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	const participate = async (
		eventId: number,
		personId: number,
		role: 'host' | 'head_of_delegation' | 'delegation_member' | 'guest',
		values: { delegationId?: number; organizationId?: number; position?: string } = {}
	) =>
		handle.db
			.insertInto('event_participant')
			.values({
				event_id: eventId,
				person_id: personId,
				role,
				delegation_id: values.delegationId ?? null,
				organization_id: values.organizationId ?? null,
				position_at_event: values.position ?? null,
				...stamps()
			})
			.execute();

	beforeAll(async () => {
		handle = await engine.open();
		const db = handle.db;
		ids.sms = (
			await insertOrganization(db, {
				name: 'State Migration Service of the Republic of Azerbaijan',
				acronym: 'SMS'
			})
		).id;
		ids.iom = (
			await insertOrganization(db, { name: 'International Organization for Migration', acronym: 'IOM' })
		).id;
		ids.chief = (
			await insertPerson(db, {
				honorific: 'Mr',
				given_name: 'Vusal',
				family_name: 'Huseynov',
				position: 'Chief of the State Migration Service',
				organization_id: ids.sms
			})
		).id;
		ids.swing = (
			await insertPerson(db, {
				honorific: 'Mr',
				given_name: 'William Lacy',
				family_name: 'Swing',
				position: 'Former Director General of the International Organization for Migration'
			})
		).id;
		ids.member = (await insertPerson(db, { given_name: 'Manfred', family_name: 'Profazi' })).id;
		ids.stranger = (await insertPerson(db, { given_name: 'Nobody', family_name: 'Here' })).id;
		const venue = await insertVenue(db, { name: 'State Migration Service', city: 'Baku' });
		ids.meeting = (
			await insertEvent(db, {
				title: 'Meeting with the Director General of IOM',
				// 11:00–12:00 in Baku.
				start_at: '2017-01-16T07:00:00.000Z',
				end_at: '2017-01-16T08:00:00.000Z',
				venue_id: venue.id
			})
		).id;
		await db
			.insertInto('event_organization')
			.values({ event_id: ids.meeting, organization_id: ids.sms, role: 'host', position: 0 })
			.execute();
		const ours = await delegation(ids.meeting, 'State Migration Service', ids.sms, 0);
		const theirs = await delegation(ids.meeting, 'International Organization for Migration', ids.iom, 1);
		await participate(ids.meeting, ids.chief, 'host', { delegationId: ours, organizationId: ids.sms });
		await participate(ids.meeting, ids.swing, 'head_of_delegation', {
			delegationId: theirs,
			organizationId: ids.iom,
			position: 'Director General of the International Organization for Migration'
		});
		await participate(ids.meeting, ids.member, 'delegation_member', { delegationId: theirs });
		await db
			.insertInto('topic')
			.values([
				{ event_id: ids.meeting, position: 1, title: 'Regional Training Center on Migration', ...stamps() },
				{ event_id: ids.meeting, position: 2, title: 'Readmission management', ...stamps() }
			])
			.execute();
		await db
			.insertInto('outcome')
			.values([
				{ event_id: ids.meeting, kind: 'decision', title: 'A joint migration profile', ...stamps() },
				{ event_id: ids.meeting, kind: 'statement', title: 'Press statement', ...stamps() }
			])
			.execute();
	});

	afterAll(async () => {
		await handle?.close();
	});

	test('the heads of the other delegation are offered, each with a letter pre-filled from the meeting', async () => {
		const page = await getThankYouLetters(handle.db, officer, ids.meeting);
		expect(page.basis).toBe('delegations');
		expect(page.signatory).toEqual({ personId: ids.chief, name: 'Mr Vusal Huseynov' });
		expect(page.addressees.map((a) => [a.personId, a.delegation, a.existing])).toEqual([
			[ids.swing, 'International Organization for Migration', null]
		]);
		const text = page.addressees[0]!.letter.text;
		expect(text).toContain(
			'Mr William Lacy Swing\nDirector General of the International Organization for Migration'
		);
		expect(text).toContain('Dear Director General,');
		expect(text).toContain('for our meeting on 16 January 2017 in Baku.');
		expect(text).toContain('– Regional Training Center on Migration\n– Readmission management');
		expect(text).toContain('we agreed on the following:\n– A joint migration profile\n\n');
		expect(text).not.toContain('Press statement');
		expect(text.endsWith('Vusal Huseynov\nChief of the State Migration Service')).toBe(true);
	});

	test('someone not offered is refused with a message and nothing written', async () => {
		const before = await listCorrespondenceOfEvent(handle.db, ids.meeting);
		for (const personId of [ids.chief, ids.member, ids.stranger, 999_999]) {
			const refusal = await draftThankYouLetters(handle.db, officer, ids.meeting, [
				ids.swing,
				personId
			]).catch((e: unknown) => e);
			expect(refusal).toBeInstanceOf(RuleViolation);
			expect((refusal as RuleViolation).fields.addressees).toMatch(/heads of the other delegations/);
		}
		await expect(draftThankYouLetters(handle.db, officer, ids.meeting, [])).rejects.toThrow(RuleViolation);
		await expect(draftThankYouLetters(handle.db, officer, 999_999, [ids.swing])).rejects.toThrow(NotFound);
		expect(await listCorrespondenceOfEvent(handle.db, ids.meeting)).toEqual(before);
	});

	test('viewers can neither see nor draft the letters', async () => {
		await expect(getThankYouLetters(handle.db, viewer, ids.meeting)).rejects.toThrow(Forbidden);
		await expect(draftThankYouLetters(handle.db, viewer, ids.meeting, [ids.swing])).rejects.toThrow(
			Forbidden
		);
	});

	test('a draft is made once, an outgoing letter linked to the event and the addressee, with no number', async () => {
		const first = await draftThankYouLetters(
			handle.db,
			officer,
			ids.meeting,
			[ids.swing],
			new Date('2017-01-18T09:00:00Z')
		);
		expect(first.existing).toEqual([]);
		expect(first.created).toHaveLength(1);
		const again = await draftThankYouLetters(handle.db, officer, ids.meeting, [ids.swing, ids.swing]);
		expect(again).toEqual({ created: [], existing: first.created });

		const letterId = first.created[0]!;
		const record = (await findCorrespondencePage(handle.db, letterId))!;
		expect(record).toMatchObject({
			kind: 'letter',
			direction: 'outgoing',
			draft: true,
			referenceNumber: null,
			datedOn: '2017-01-18',
			subject: 'Thanks to Mr William Lacy Swing: Meeting with the Director General of IOM',
			sender: { id: ids.sms },
			recipient: { id: ids.iom },
			signatory: { id: ids.chief },
			addressee: { id: ids.swing }
		});
		expect(record.body).toContain('Dear Director General,');
		expect(record.events.map((e) => [e.id, e.link])).toEqual([[ids.meeting, 'follows_up']]);
		const linked = await listCorrespondenceOfEvent(handle.db, ids.meeting);
		expect(linked.map((l) => [l.id, l.draft])).toEqual([[letterId, true]]);

		const page = await getThankYouLetters(handle.db, officer, ids.meeting);
		expect(page.addressees[0]!.existing).toEqual({ id: letterId, draft: true, referenceNumber: null });
		const dossier = (await findDossier(handle.db, ids.iom, { kind: 'correspondence' }, { limit: 10 }))!;
		expect(dossier.timeline.items.map((item) => [item.id, item.roleLabel])).toEqual([
			[letterId, 'Recipient']
		]);
		const audit = await handle.db
			.selectFrom('audit_entry')
			.select('action')
			.where('entity_type', '=', 'correspondence')
			.where('entity_id', '=', letterId)
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['correspondence.draft']);
	});

	test('the draft is edited in the form, keeps no number there, and registering gives it one', async () => {
		const letterId = (await draftThankYouLetters(handle.db, officer, ids.meeting, [ids.swing])).existing[0]!;
		const form = (await findCorrespondenceForm(handle.db, letterId))!;
		expect(form.draft).toBe(true);
		const edited = form.values.body.replace(
			'I look forward to the further development of our fruitful cooperation.',
			'I look forward to welcoming you again in Baku.'
		);
		const version = Number(form.values.version);
		const numbered = CorrespondenceInput.parse({ ...form.values, body: edited, referenceNumber: '09/1600' });
		await expect(reviseCorrespondence(handle.db, officer, letterId, version, numbered)).rejects.toThrow(
			/reference number when it is registered/
		);
		await reviseCorrespondence(
			handle.db,
			officer,
			letterId,
			version,
			CorrespondenceInput.parse({ ...form.values, body: edited })
		);

		const register = (referenceNumber: string, v: number) =>
			registerCorrespondence(
				handle.db,
				officer,
				letterId,
				CorrespondenceRegisterInput.parse({ referenceNumber, datedOn: '2017-01-19', version: String(v) })
			);
		await expect(register('09/1601', version)).rejects.toThrow(Conflict);
		await handle.db
			.insertInto('correspondence')
			.values({
				kind: 'note_verbale',
				direction: 'outgoing',
				reference_number: '09/1600',
				dated_on: '2017-01-10',
				sender_organization_id: ids.sms,
				subject: 'An earlier note',
				...stamps()
			})
			.execute();
		const taken = await register('09/1600', version + 1).catch((e: unknown) => e);
		expect(taken).toBeInstanceOf(RuleViolation);
		expect((taken as RuleViolation).fields.referenceNumber).toMatch(/An earlier note/);

		await register('09/1601', version + 1);
		const record = (await findCorrespondencePage(handle.db, letterId))!;
		expect(record).toMatchObject({ draft: false, referenceNumber: '09/1601', datedOn: '2017-01-19' });
		expect(record.body).toContain('I look forward to welcoming you again in Baku.');
		await expect(register('09/1602', record.version)).rejects.toThrow('This letter is registered already.');
		const page = await getThankYouLetters(handle.db, officer, ids.meeting);
		expect(page.addressees[0]!.existing).toEqual({ id: letterId, draft: false, referenceNumber: '09/1601' });
	});

	test('a draft cannot be given a number in the database either', async () => {
		await expect(
			handle.db
				.insertInto('correspondence')
				.values({
					kind: 'letter',
					direction: 'outgoing',
					draft: 1,
					reference_number: '09/1700',
					dated_on: '2017-01-10',
					subject: 'A numbered draft',
					...stamps()
				})
				.execute()
		).rejects.toThrow(/check/i);
	});

	test('with no other side recorded, the guests of honour are offered', async () => {
		const reception = (
			await insertEvent(handle.db, { kind: 'reception', title: 'Reception for the partners' })
		).id;
		await handle.db
			.insertInto('event_organization')
			.values({ event_id: reception, organization_id: ids.sms, role: 'host', position: 0 })
			.execute();
		await handle.db
			.updateTable('person')
			.set({ heads_organization: 1 })
			.where('id', '=', ids.member)
			.execute();
		await participate(reception, ids.chief, 'host', { organizationId: ids.sms });
		await participate(reception, ids.stranger, 'guest');
		await participate(reception, ids.member, 'guest', { organizationId: ids.iom });
		const page = await getThankYouLetters(handle.db, officer, reception);
		expect(page.basis).toBe('guests');
		expect(page.addressees.map((a) => a.personId)).toEqual([ids.member]);
		expect(page.addressees[0]!.letter.text).toContain(
			'for your participation in “Reception for the partners”'
		);
		ids.reception = reception;
	});

	test('a draft is discarded, using no number, and may be drafted again; a registered letter is kept', async () => {
		const [draftId] = (await draftThankYouLetters(handle.db, officer, ids.reception, [ids.member])).created;
		const draft = (await findCorrespondencePage(handle.db, draftId!))!;
		await expect(discardDraft(handle.db, officer, draftId!, draft.version - 1)).rejects.toThrow(Conflict);
		await expect(discardDraft(handle.db, viewer, draftId!, draft.version)).rejects.toThrow(Forbidden);
		expect(await discardDraft(handle.db, officer, draftId!, draft.version)).toEqual([ids.reception]);
		expect(await findCorrespondencePage(handle.db, draftId!)).toBeNull();
		expect(await listCorrespondenceOfEvent(handle.db, ids.reception)).toEqual([]);
		expect((await getThankYouLetters(handle.db, officer, ids.reception)).addressees[0]!.existing).toBeNull();
		const audit = await handle.db
			.selectFrom('audit_entry')
			.select(['action', 'event_id'])
			.where('entity_type', '=', 'correspondence')
			.where('entity_id', '=', draftId!)
			.orderBy('id')
			.execute();
		expect(audit).toEqual([
			{ action: 'correspondence.draft', event_id: ids.reception },
			{ action: 'correspondence.discard', event_id: ids.reception }
		]);
		const again = await draftThankYouLetters(handle.db, officer, ids.reception, [ids.member]);
		expect(again.created).toHaveLength(1);

		const [registered] = (await draftThankYouLetters(handle.db, officer, ids.meeting, [ids.swing])).existing;
		const letter = (await findCorrespondencePage(handle.db, registered!))!;
		await expect(discardDraft(handle.db, officer, registered!, letter.version)).rejects.toThrow(
			'Only a draft can be discarded'
		);
	});
});
