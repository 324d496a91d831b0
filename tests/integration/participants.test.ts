/**
 * Participants and delegations: inviting (one, an organisation, a CSV file), the order of precedence,
 * RSVPs and attendance, clashes across zones, and the audit trail of each — on both engines.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { zonedToInstant } from '$lib/format/datetime';
import type { Database } from '$lib/server/db/schema';
import { loadDemoData } from '$lib/server/demo/demo.service';
import { RuleViolation } from '$lib/server/errors';
import {
	assignDelegation,
	createDelegation,
	markHeadOfDelegation,
	moveParticipant,
	resetPrecedence
} from '$lib/server/participants/delegation.service';
import {
	importParticipants,
	previewParticipantImport
} from '$lib/server/participants/participant-import.service';
import {
	createPersonAndInvite,
	inviteOrganization,
	inviteParticipant,
	removeParticipant
} from '$lib/server/participants/participant-invite.service';
import {
	findParticipantPrint,
	findParticipantsPage
} from '$lib/server/participants/participant-read.service';
import { markAttendance, recordRsvp } from '$lib/server/participants/participant-rsvp.service';
import { PersonCreateInput } from '$lib/server/people/person.input';
import { createPerson } from '$lib/server/people/person.service';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertPerson } from '../helpers/factories';

const firstPage = { page: { limit: 100 } };

async function count(db: Kysely<Database>, table: 'person' | 'event_participant' | 'delegation') {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

async function auditActions(db: Kysely<Database>, eventId: number) {
	const rows = await db
		.selectFrom('audit_entry')
		.select(['action', 'after_json'])
		.where('event_id', '=', eventId)
		.orderBy('id')
		.execute();
	return rows;
}

async function namesInOrder(db: Kysely<Database>, eventId: number) {
	const page = await findParticipantsPage(db, eventId, firstPage);
	return page!.participants.items.map((p) => p.name);
}

describeEachEngine('importing participants from CSV', (engine) => {
	let handle: TestDatabase;
	let eventId: number;
	const opened: TestDatabase[] = [];

	beforeEach(async () => {
		handle = await engine.open();
		opened.push(handle);
		await insertOrganization(handle.db, { name: 'State Migration Service', acronym: 'SMS' });
		await insertOrganization(handle.db, {
			name: 'International Organization for Migration',
			acronym: 'IOM',
			kind: 'international_organization',
			country_code: null
		});
		eventId = (await insertEvent(handle.db, { title: 'Working meeting' })).id;
	});
	afterEach(async () => {
		for (const db of opened.splice(0)) await db.cleanup();
	});

	test('the preview lists every problem of every row and saves nothing', async () => {
		const existing = await insertPerson(handle.db, {
			given_name: 'Vladimir',
			family_name: 'Gjorgjiev',
			email: 'vg@iom.int'
		});
		const invited = await insertPerson(handle.db, { given_name: 'Sabina', family_name: 'Aliyeva' });
		await inviteParticipant(handle.db, officer, eventId, {
			personId: invited.id,
			role: 'guest',
			delegationId: null,
			clashOverride: false
		});
		const before = {
			person: await count(handle.db, 'person'),
			participant: await count(handle.db, 'event_participant')
		};
		const csv = [
			'honorific;given_name;family_name;organisation;position;email;role;delegation',
			'Mr;Ilham;Məmmədov;SMS;Head of department;ilham@migration.gov.az;Head of delegation;Azerbaijan',
			'Ms;Aygün;;SMS;;;;Azerbaijan',
			'Mr;Pavel;Petrov;Ministry of Nowhere;;pavel@example.org;;',
			'Mr;Ivan;Ivanov;IOM;;not-an-email;;',
			'Mr;Владимир;Гёргиев;IOM;;;chief cook;',
			'Mr;Vladimir;Gjorgjiev;IOM;;VG@iom.int;;IOM',
			'Ms;Sabina;Aliyeva;;;;;'
		].join('\n');
		const preview = await previewParticipantImport(handle.db, eventId, csv);
		expect(preview.ready).toBe(false);
		const byLine = new Map(preview.rows.map((r) => [r.line, r]));
		expect(byLine.get(2)).toMatchObject({ action: 'create', name: 'Mr Ilham Məmmədov', errors: [] });
		expect(byLine.get(3)!.errors).toEqual(['Family name is missing.']);
		expect(byLine.get(4)!.errors).toEqual([
			'Unknown organisation “Ministry of Nowhere”: add it to the directory first, or correct the name.'
		]);
		expect(byLine.get(5)!.errors).toEqual(['“not-an-email” is not an e-mail address.']);
		expect(byLine.get(6)!.errors[0]).toMatch(/^Unknown role “chief cook”/);
		expect(byLine.get(7)).toMatchObject({ action: 'link', personId: existing.id });
		expect(byLine.get(7)!.notes[0]).toMatch(/In the directory already \(same e-mail\)/);
		expect(byLine.get(8)).toMatchObject({ action: 'skip', notes: ['Invited already: skipped.'] });
		expect(preview.counts).toEqual({ create: 1, link: 1, skip: 1, error: 4 });
		expect(preview.newDelegations).toEqual(['Azerbaijan', 'IOM']);

		const result = await importParticipants(handle.db, officer, eventId, csv);
		expect(result.saved).toBe(false);
		expect(await count(handle.db, 'person')).toBe(before.person);
		expect(await count(handle.db, 'event_participant')).toBe(before.participant);
		expect(await count(handle.db, 'delegation')).toBe(0);
	});

	test('a clean file, with a BOM, commas and quoted fields, is saved whole on confirmation', async () => {
		const csv =
			'\uFEFFhonorific,given_name,family_name,organisation,position,rank,email,role,delegation\r\n' +
			'H.E. Mr,Vüsal,Hüseynov,State Migration Service,"Chief of the Service, SMS",II rank counselor,vh@migration.gov.az,head_of_delegation,Azerbaijan\r\n' +
			'Mr,Владимир,Гёргиев,IOM,"Chief of Mission, IOM Azerbaijan",,vg@iom.int,Head of delegation,IOM\r\n' +
			'Ms,Aygün,Əliyeva,SMS,Adviser,,,,Azerbaijan\r\n';
		const preview = await previewParticipantImport(handle.db, eventId, csv);
		expect(preview.fileErrors).toEqual([]);
		expect(preview.rows.map((r) => [r.line, r.action, r.errors])).toEqual([
			[2, 'create', []],
			[3, 'create', []],
			[4, 'create', []]
		]);
		expect(preview.ready).toBe(true);

		const result = await importParticipants(handle.db, officer, eventId, csv);
		expect(result).toEqual({ saved: true, created: 3, linked: 0, skipped: 0 });
		const print = await findParticipantPrint(handle.db, eventId);
		expect(
			print!.delegations.map((d) => [d.name, d.members.map((m) => `${m.name} — ${m.roleLabel}`)])
		).toEqual([
			['Azerbaijan', ['H.E. Mr Vüsal Hüseynov — Head of delegation', 'Ms Aygün Əliyeva — Delegation member']],
			['IOM', ['Mr Владимир Гёргиев — Head of delegation']]
		]);
		expect(print!.people[0]!.position).toBe('Chief of the Service, SMS');
		const actions = (await auditActions(handle.db, eventId)).map((a) => a.action);
		expect(actions.filter((a) => a === 'person.create')).toHaveLength(3);
		expect(actions.at(-1)).toBe('participant.import');

		// The same file again: everyone is invited already, so there is nothing to save.
		const again = await previewParticipantImport(handle.db, eventId, csv);
		expect(again.counts).toEqual({ create: 0, link: 0, skip: 3, error: 0 });
		expect(again.ready).toBe(false);
	});

	test('a failure half-way through the import saves nothing at all', async () => {
		// A real failure inside the transaction: the database refuses the third person.
		if (engine.engine === 'sqlite') {
			await sql`create trigger refuse_person before insert on person when new.family_name = 'Refused'
				begin select raise(abort, 'refused by the test'); end`.execute(handle.db);
		} else {
			await sql`create function refuse_person() returns trigger language plpgsql as $$
				begin if new.family_name = 'Refused' then raise exception 'refused by the test'; end if; return new; end $$`.execute(
				handle.db
			);
			await sql`create trigger refuse_person before insert on person for each row execute function refuse_person()`.execute(
				handle.db
			);
		}
		const csv = [
			'given_name,family_name,organisation,delegation',
			'Ilham,Mammadov,SMS,Azerbaijan',
			'Aygun,Aliyeva,SMS,Azerbaijan',
			'Nobody,Refused,SMS,Azerbaijan'
		].join('\n');
		expect((await previewParticipantImport(handle.db, eventId, csv)).ready).toBe(true);
		await expect(importParticipants(handle.db, officer, eventId, csv)).rejects.toThrow(/refused by the test/);
		expect(await count(handle.db, 'person')).toBe(0);
		expect(await count(handle.db, 'event_participant')).toBe(0);
		expect(await count(handle.db, 'delegation')).toBe(0);
		expect((await auditActions(handle.db, eventId)).map((a) => a.action)).toEqual([]);
	});

	test('a file without name columns is refused as a whole', async () => {
		const preview = await previewParticipantImport(
			handle.db,
			eventId,
			'name,email\nIlham,ilham@example.org\n'
		);
		expect(preview.fileErrors[0]).toMatch(/given_name and family_name/);
		expect(preview.ready).toBe(false);
	});
});

describeEachEngine('inviting people', (engine) => {
	let handle: TestDatabase;

	beforeAll(async () => {
		handle = await engine.open();
	});
	afterAll(() => handle.cleanup());

	test('inviting an organisation with its sub-organisations skips those invited already', async () => {
		const db = handle.db;
		const iom = await insertOrganization(db, {
			name: 'IOM',
			acronym: 'IOM',
			kind: 'international_organization',
			country_code: null
		});
		const office = await insertOrganization(db, {
			name: 'IOM Regional Office',
			acronym: 'RO',
			parent_id: iom.id,
			kind: 'international_organization',
			country_code: null
		});
		const mission = await insertOrganization(db, {
			name: 'IOM Azerbaijan',
			acronym: 'IOM AZ',
			parent_id: office.id,
			kind: 'international_organization',
			country_code: null
		});
		const dg = await insertPerson(db, {
			given_name: 'Antonio',
			family_name: 'Vitorino',
			organization_id: iom.id
		});
		await insertPerson(db, { given_name: 'Manfred', family_name: 'Profazi', organization_id: office.id });
		await insertPerson(db, { given_name: 'Vladimir', family_name: 'Gjorgjiev', organization_id: mission.id });
		const event = await insertEvent(db, { title: 'IOM day' });

		await inviteParticipant(db, officer, event.id, {
			personId: dg.id,
			role: 'guest',
			delegationId: null,
			clashOverride: false
		});
		const onlyIom = await inviteOrganization(db, officer, event.id, {
			organizationId: iom.id,
			includeSubOrganizations: false,
			role: 'delegation_member',
			delegationId: null,
			clashOverride: false
		});
		expect(onlyIom).toEqual({ status: 'invited', invited: 0, skipped: 1 });
		const withTree = await inviteOrganization(db, officer, event.id, {
			organizationId: iom.id,
			includeSubOrganizations: true,
			role: 'delegation_member',
			delegationId: null,
			clashOverride: false
		});
		expect(withTree).toEqual({ status: 'invited', invited: 2, skipped: 1 });
		expect((await namesInOrder(db, event.id)).sort()).toEqual([
			'Mr Antonio Vitorino',
			'Mr Manfred Profazi',
			'Mr Vladimir Gjorgjiev'
		]);
		const audit = await auditActions(db, event.id);
		expect(audit.map((a) => a.action)).toEqual(['participant.invite', 'participant.invite_organization']);
	});

	test('inviting someone twice is refused with a message for the field', async () => {
		const db = handle.db;
		const person = await insertPerson(db, { given_name: 'Twice', family_name: 'Asked' });
		const event = await insertEvent(db);
		const invite = () =>
			inviteParticipant(db, officer, event.id, {
				personId: person.id,
				role: 'guest',
				delegationId: null,
				clashOverride: false
			});
		await invite();
		await expect(invite()).rejects.toMatchObject({
			fields: { personId: 'Mr Twice Asked is invited already.' }
		});
	});

	test('a person created on the fly is in the directory and invited, in one step', async () => {
		const db = handle.db;
		const event = await insertEvent(db);
		const input = PersonCreateInput.parse({
			honorific: 'Ms',
			givenName: 'Leyla',
			familyName: 'Qasımova',
			email: 'LQ@example.org',
			precedenceLevel: '3'
		});
		const made = await createPersonAndInvite(db, officer, event.id, input, {
			role: 'guest',
			delegationId: null
		});
		if (made.status !== 'created') throw new Error('Leyla Qasımova is new to the directory.');
		expect(made.name).toBe('Ms Leyla Qasımova');
		const person = await db
			.selectFrom('person')
			.selectAll()
			.where('id', '=', made.personId)
			.executeTakeFirstOrThrow();
		expect(person).toMatchObject({ email: 'lq@example.org', precedence_level: 3, heads_organization: 0 });
		expect(await namesInOrder(db, event.id)).toEqual(['Ms Leyla Qasımova']);
		expect((await auditActions(db, event.id)).map((a) => a.action)).toEqual([
			'person.create',
			'participant.invite'
		]);
	});

	test('creating a person checks every field and keeps e-mail addresses unique', async () => {
		const bad = PersonCreateInput.safeParse({
			givenName: ' ',
			familyName: 'X',
			email: 'nope',
			phone: 'call me',
			precedenceLevel: '0'
		});
		expect(bad.success).toBe(false);
		const fields = bad.error!.issues.map((i) => i.path[0]);
		expect(fields).toEqual(expect.arrayContaining(['givenName', 'email', 'phone', 'precedenceLevel']));
		await createPerson(
			handle.db,
			officer,
			PersonCreateInput.parse({ givenName: 'A', familyName: 'B', email: 'same@example.org' })
		);
		const sameEmail = PersonCreateInput.parse({ givenName: 'C', familyName: 'D', email: 'Same@example.org' });
		// Shown as a likely match first; said to be someone else, the address is still refused.
		expect(await createPerson(handle.db, officer, sameEmail)).toMatchObject({ status: 'likely-duplicates' });
		await expect(createPerson(handle.db, officer, sameEmail, { someoneElse: true })).rejects.toBeInstanceOf(
			RuleViolation
		);
	});
});

describeEachEngine('the order of precedence', (engine) => {
	let handle: TestDatabase;
	let eventId: number;

	beforeAll(async () => {
		handle = await engine.open();
		const db = handle.db;
		eventId = (await insertEvent(db)).id;
		const people = [
			{ given_name: 'Zara', family_name: 'Adams', precedence_level: 5 },
			{ given_name: 'Yusif', family_name: 'Baker', precedence_level: 2 },
			{ given_name: 'Xena', family_name: 'Clark', heads_organization: 1 as const, precedence_level: 4 },
			{ given_name: 'Will', family_name: 'Able' },
			{ given_name: 'Vera', family_name: 'Abbot' },
			{ given_name: 'Uri', family_name: 'Dane', heads_organization: 1 as const, precedence_level: 3 }
		];
		for (const fields of people) {
			const person = await insertPerson(db, fields);
			await inviteParticipant(db, officer, eventId, {
				personId: person.id,
				role: 'delegation_member',
				delegationId: null,
				clashOverride: false
			});
		}
	});
	afterAll(() => handle.cleanup());

	const computed = [
		'Mr Uri Dane',
		'Mr Xena Clark',
		'Mr Yusif Baker',
		'Mr Zara Adams',
		'Mr Vera Abbot',
		'Mr Will Able'
	];

	test('heads of organisation come first, then rank, then name', async () => {
		expect(await namesInOrder(handle.db, eventId)).toEqual(computed);
	});

	test('an officer moving someone up is respected, and "Reset" brings the computed order back', async () => {
		const page = await findParticipantsPage(handle.db, eventId, firstPage);
		const able = page!.participants.items.find((p) => p.name === 'Mr Will Able')!;
		await moveParticipant(handle.db, officer, eventId, able.id, 'up');
		await moveParticipant(handle.db, officer, eventId, able.id, 'up');
		expect(await namesInOrder(handle.db, eventId)).toEqual([
			'Mr Uri Dane',
			'Mr Xena Clark',
			'Mr Yusif Baker',
			'Mr Will Able',
			'Mr Zara Adams',
			'Mr Vera Abbot'
		]);
		// Someone invited after the officer's order goes after everyone the officer placed.
		const late = await insertPerson(handle.db, {
			given_name: 'Late',
			family_name: 'Head',
			heads_organization: 1
		});
		await inviteParticipant(handle.db, officer, eventId, {
			personId: late.id,
			role: 'guest',
			delegationId: null,
			clashOverride: false
		});
		expect((await namesInOrder(handle.db, eventId)).at(-1)).toBe('Mr Late Head');
		await moveParticipant(handle.db, officer, eventId, able.id, 'down');
		expect((await namesInOrder(handle.db, eventId)).slice(3, 5)).toEqual(['Mr Zara Adams', 'Mr Will Able']);

		expect(await resetPrecedence(handle.db, officer, eventId)).toBe(7);
		// A head of organisation without a rank comes after the ranked heads, before everyone else.
		expect(await namesInOrder(handle.db, eventId)).toEqual([
			...computed.slice(0, 2),
			'Mr Late Head',
			...computed.slice(2)
		]);
		const actions = (await auditActions(handle.db, eventId)).map((a) => a.action);
		expect(actions.filter((a) => a === 'participant.move')).toHaveLength(3);
		expect(actions.at(-1)).toBe('participant.reset_precedence');
	});

	test('pages follow the same order, a page at a time', async () => {
		const all = await namesInOrder(handle.db, eventId);
		const first = await findParticipantsPage(handle.db, eventId, { page: { limit: 3 } });
		const lastId = first!.participants.items.at(-1)!.id;
		const second = await findParticipantsPage(handle.db, eventId, { page: { limit: 3, after: [lastId] } });
		const third = await findParticipantsPage(handle.db, eventId, {
			page: { limit: 3, after: [second!.participants.items.at(-1)!.id] }
		});
		expect(
			[...first!.participants.items, ...second!.participants.items, ...third!.participants.items].map(
				(p) => p.name
			)
		).toEqual(all);
		expect(third!.participants.next).toBeNull();
		const back = await findParticipantsPage(handle.db, eventId, {
			page: { limit: 3, before: [second!.participants.items[0]!.id] }
		});
		expect(back!.participants.items.map((p) => p.name)).toEqual(all.slice(0, 3));
	});
});

describeEachEngine('sides, RSVPs and attendance', (engine) => {
	let handle: TestDatabase;

	beforeAll(async () => {
		handle = await engine.open();
	});
	afterAll(() => handle.cleanup());

	test('a bilateral meeting has two sides, each with one head', async () => {
		const db = handle.db;
		const event = await insertEvent(db);
		const azerbaijan = await createDelegation(db, officer, event.id, {
			name: 'Azerbaijan',
			organizationId: null
		});
		const iom = await createDelegation(db, officer, event.id, { name: 'IOM', organizationId: null });
		await expect(
			createDelegation(db, officer, event.id, { name: 'iom', organizationId: null })
		).rejects.toBeInstanceOf(RuleViolation);
		const ids: number[] = [];
		for (const [given, side] of [
			['Vusal', azerbaijan.id],
			['Ilham', azerbaijan.id],
			['Manfred', iom.id]
		] as const) {
			const person = await insertPerson(db, { given_name: given, family_name: 'X' });
			await inviteParticipant(db, officer, event.id, {
				personId: person.id,
				role: 'delegation_member',
				delegationId: side,
				clashOverride: false
			});
		}
		const page = await findParticipantsPage(db, event.id, firstPage);
		for (const p of page!.participants.items) ids.push(p.id);
		const byName = (name: string) => page!.participants.items.find((p) => p.name.includes(name))!.id;
		await markHeadOfDelegation(db, officer, event.id, byName('Vusal'));
		await markHeadOfDelegation(db, officer, event.id, byName('Ilham'));
		await markHeadOfDelegation(db, officer, event.id, byName('Manfred'));
		const after = await findParticipantsPage(db, event.id, firstPage);
		expect(after!.delegations.map((d) => [d.name, d.head?.name, d.memberCount])).toEqual([
			['Azerbaijan', 'Mr Ilham X', 2],
			['IOM', 'Mr Manfred X', 1]
		]);
		// A head moved to a side that has one becomes a member there.
		await assignDelegation(db, officer, event.id, byName('Ilham'), iom.id);
		const moved = await findParticipantsPage(db, event.id, firstPage);
		expect(moved!.delegations.map((d) => [d.name, d.head?.name ?? null, d.memberCount])).toEqual([
			['Azerbaijan', null, 1],
			['IOM', 'Mr Manfred X', 2]
		]);
		expect(moved!.participants.items.find((p) => p.name === 'Mr Ilham X')!.role).toBe('delegation_member');
	});

	test('RSVPs are counted per status, and those who have not answered are listed', async () => {
		const db = handle.db;
		const event = await insertEvent(db);
		const ids: number[] = [];
		for (const name of ['Aa', 'Bb', 'Cc', 'Dd', 'Ee']) {
			const person = await insertPerson(db, { given_name: name, family_name: name });
			await inviteParticipant(db, officer, event.id, {
				personId: person.id,
				role: 'guest',
				delegationId: null,
				clashOverride: false
			});
		}
		for (const p of (await findParticipantsPage(db, event.id, firstPage))!.participants.items) ids.push(p.id);
		await recordRsvp(db, officer, event.id, ids[0]!, 'accepted');
		await recordRsvp(db, officer, event.id, ids[1]!, 'declined');
		await recordRsvp(db, officer, event.id, ids[2]!, 'tentative');
		const page = await findParticipantsPage(db, event.id, firstPage);
		expect(Object.fromEntries(page!.counts.map((c) => [c.status, c.count]))).toEqual({
			invited: 2,
			accepted: 1,
			tentative: 1,
			declined: 1,
			attended: 0,
			no_show: 0
		});
		expect(page!.total).toBe(5);
		expect(page!.unanswered.map((p) => p.name)).toEqual(['Mr Dd Dd', 'Mr Ee Ee']);
		const accepted = page!.participants.items.find((p) => p.id === ids[0])!;
		expect(accepted.respondedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

		await markAttendance(db, officer, event.id, ids[0]!, 'attended');
		await markAttendance(db, officer, event.id, ids[3]!, 'no_show');
		const day = await findParticipantsPage(db, event.id, firstPage);
		expect(day!.participants.items.map((p) => p.rsvpLabel)).toEqual([
			'Attended',
			'Declined',
			'Tentative',
			'No-show',
			'Invited'
		]);
		expect(day!.participants.items[0]!.respondedAt).toBe(accepted.respondedAt);
		const audit = await auditActions(db, event.id);
		const rsvp = audit.find((a) => a.action === 'participant.rsvp')!;
		expect(JSON.parse(rsvp.after_json!)).toMatchObject({ rsvp: 'accepted', onBehalfOf: 'Mr Aa Aa' });
		expect(audit.filter((a) => a.action === 'participant.attendance')).toHaveLength(2);
	});

	test('removing a participant takes their agenda roles with them, and is audited', async () => {
		const db = handle.db;
		const event = await insertEvent(db);
		const person = await insertPerson(db, { given_name: 'Speaker', family_name: 'One' });
		await inviteParticipant(db, officer, event.id, {
			personId: person.id,
			role: 'speaker',
			delegationId: null,
			clashOverride: false
		});
		const [participant] = (await findParticipantsPage(db, event.id, firstPage))!.participants.items;
		const now = new Date().toISOString();
		const item = await db
			.insertInto('agenda_item')
			.values({
				event_id: event.id,
				position: 1,
				kind: 'speech',
				title: 'Speech',
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('agenda_item_role')
			.values({ agenda_item_id: item.id, participant_id: participant!.id, role: 'speaker' })
			.execute();
		expect(
			(await findParticipantsPage(db, event.id, firstPage))!.participants.items[0]!.agendaRoleCount
		).toBe(1);
		await removeParticipant(db, officer, event.id, participant!.id);
		expect((await findParticipantsPage(db, event.id, firstPage))!.total).toBe(0);
		const roles = await db
			.selectFrom('agenda_item_role')
			.selectAll()
			.where('agenda_item_id', '=', item.id)
			.execute();
		expect(roles).toEqual([]);
		const removal = (await auditActions(db, event.id)).find((a) => a.action === 'participant.remove')!;
		expect(removal).toBeDefined();
	});
});

describeEachEngine('clashes when inviting', (engine) => {
	let handle: TestDatabase;
	let chiefId: number;

	beforeAll(async () => {
		handle = await engine.open();
		await loadDemoData(handle.db);
		chiefId = (
			await handle.db
				.selectFrom('person')
				.select('id')
				.where('family_name', '=', 'Huseynov')
				.executeTakeFirstOrThrow()
		).id;
	});
	afterAll(() => handle.cleanup());

	test('the Chief of the Service, booked in Baku, clashes with a meeting in Geneva at the same instant', async () => {
		const db = handle.db;
		// 08:00 in Geneva (UTC+1) on 21 December 2021 is 11:00 in Baku (UTC+4): the demo bilateral meeting.
		const startAt = zonedToInstant('2021-12-21T08:00', 'Europe/Zurich');
		const geneva = await insertEvent(db, {
			title: 'Consultations in Geneva',
			start_at: startAt,
			end_at: new Date(Date.parse(startAt) + 3_600_000).toISOString(),
			time_zone: 'Europe/Zurich'
		});
		const invite = (clashOverride: boolean) =>
			inviteParticipant(db, officer, geneva.id, {
				personId: chiefId,
				role: 'head_of_delegation',
				delegationId: null,
				clashOverride
			});
		await expect(invite(false)).rejects.toMatchObject({
			fields: { delegationId: expect.stringMatching(/needs a side/) }
		});
		const side = await createDelegation(db, officer, geneva.id, { name: 'Azerbaijan', organizationId: null });
		const attempt = await inviteParticipant(db, officer, geneva.id, {
			personId: chiefId,
			role: 'head_of_delegation',
			delegationId: side.id,
			clashOverride: false
		});
		expect(attempt).toEqual({
			status: 'clash',
			clashes: [
				{
					eventId: expect.any(Number),
					title: 'Meeting of the Chief of the State Migration Service with the Regional Director of IOM',
					when: 'Tuesday 21 December 2021, 11:00–12:00 (Asia/Baku, UTC+4)',
					people: ['Mr Vusal Huseynov']
				}
			]
		});
		expect((await findParticipantsPage(db, geneva.id, firstPage))!.total).toBe(0);
		const page = await findParticipantsPage(db, geneva.id, firstPage);
		expect(page!.event.when).toBe('Tuesday 21 December 2021, 08:00–09:00 (Europe/Zurich, UTC+1)');

		const anyway = await inviteParticipant(db, officer, geneva.id, {
			personId: chiefId,
			role: 'head_of_delegation',
			delegationId: side.id,
			clashOverride: true
		});
		expect(anyway).toEqual({ status: 'invited', invited: 1, skipped: 0 });
		const invite2 = (await auditActions(db, geneva.id)).find((a) => a.action === 'participant.invite')!;
		expect(JSON.parse(invite2.after_json!).clashOverridden).toEqual([
			attempt.status === 'clash' ? attempt.clashes[0]!.eventId : 0
		]);
	});

	test('an hour later in Geneva there is no clash', async () => {
		const db = handle.db;
		const startAt = zonedToInstant('2021-12-21T09:00', 'Europe/Zurich');
		const later = await insertEvent(db, {
			start_at: startAt,
			end_at: new Date(Date.parse(startAt) + 3_600_000).toISOString(),
			time_zone: 'Europe/Zurich'
		});
		expect(
			await inviteParticipant(db, officer, later.id, {
				personId: chiefId,
				role: 'guest',
				delegationId: null,
				clashOverride: false
			})
		).toEqual({
			status: 'invited',
			invited: 1,
			skipped: 0
		});
	});

	test('a CSV naming the Chief shows the clash in the preview', async () => {
		const db = handle.db;
		const startAt = zonedToInstant('2021-12-21T08:30', 'Europe/Zurich');
		const event = await insertEvent(db, {
			start_at: startAt,
			end_at: new Date(Date.parse(startAt) + 3_600_000).toISOString(),
			time_zone: 'Europe/Zurich'
		});
		const preview = await previewParticipantImport(db, event.id, 'given_name,family_name\nVusal,Huseynov\n');
		expect(preview.rows[0]!.action).toBe('link');
		expect(preview.rows[0]!.notes[1]).toMatch(
			/^Booked at “Meeting of the Chief of the State Migration Service.*11:00–12:00 \(Asia\/Baku, UTC\+4\); this event: .*08:30–09:30 \(Europe\/Zurich, UTC\+1\)\.$/
		);
	});
});
