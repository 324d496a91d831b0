/**
 * The agreements register on both engines: recording and editing an agreement with its parties and
 * dates, audited, a stale save refused with the other officer's values, bad input refused beside its
 * field; where an agreement stands derived from its dates on the office's day, the same on its page and
 * in the register's filter, at every boundary; the filters and keyset paging; the letters about it; and
 * the migration that moved the agreements recorded as outcomes into the register.
 */
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { migrations } from '$db/migrations';
import {
	AGREEMENT_FORM,
	AgreementInput,
	type AgreementFormValues
} from '$lib/server/agreements/agreement.input';
import {
	createAgreement,
	findAgreementForm,
	findAgreementPage,
	listAgreementsPage,
	reviseAgreement,
	setAgreementLetter
} from '$lib/server/agreements/agreement.service';
import { migrateToLatest } from '$lib/server/db/migrator';
import { NotFound, RuleViolation, StaleRecord } from '$lib/server/errors';
import { decodeCursor, type PageRequest } from '$lib/server/pagination';
import type { AgreementState } from '$lib/vocabulary';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertAgreement, insertEvent, insertOrganization, stamps } from '../helpers/factories';

/** Noon UTC of a day: that day in Baku (UTC+4), the office's zone. */
const noonOf = (day: string) => new Date(`${day}T12:00:00Z`);

const ascending = (...numbers: number[]) => [...numbers].sort((a, b) => a - b);

describeEachEngine('agreements', (engine) => {
	let handle: TestDatabase;
	const ids: Record<string, number> = {};

	const parse = (values: Partial<AgreementFormValues>) =>
		AgreementInput.safeParse({ ...AGREEMENT_FORM.empty(), ...values });
	const issues = (values: Partial<AgreementFormValues>) =>
		parse(values).error?.issues.map((i) => [i.path[0], i.message]) ?? [];

	beforeAll(async () => {
		handle = await engine.open();
		const db = handle.db;
		ids.sms = (await insertOrganization(db, { name: 'State Migration Service', acronym: 'SMS' })).id;
		ids.iom = (
			await insertOrganization(db, { name: 'International Organization for Migration', acronym: 'IOM' })
		).id;
		ids.eu = (await insertOrganization(db, { name: 'European Union', acronym: 'EU' })).id;
		ids.signing = (await insertEvent(db, { title: 'Signing in Geneva' })).id;
		ids.voluntaryReturn = await createAgreement(
			db,
			officer,
			parse({
				title: 'Cooperation Agreement on Assistance for the Voluntary Return of Migrants',
				parties: `${ids.sms},${ids.iom}`,
				signedOn: '2016-12-08',
				signedPlace: 'Geneva',
				signedEventId: String(ids.signing),
				approvedOn: '2017-02-23',
				approvalAct: 'Decree of the President of the Republic of Azerbaijan',
				inForceOn: '2017-03-02',
				inForceUntil: '2020-12-31'
			}).data!
		);
	});
	afterAll(() => handle?.cleanup());

	test('an agreement is recorded with its parties, dates and the event where it was signed; audited', async () => {
		const { agreement } = (await findAgreementPage(
			handle.db,
			ids.voluntaryReturn!,
			{},
			noonOf('2019-01-01')
		))!;
		expect(agreement).toMatchObject({
			state: 'in_force',
			stateText: 'In force since 2 March 2017',
			signedPlace: 'Geneva',
			approvalAct: 'Decree of the President of the Republic of Azerbaijan',
			inForceUntil: '2020-12-31'
		});
		expect(agreement.signedEvent?.id).toBe(ids.signing);
		expect(agreement.parties.map((p) => p.acronym).sort()).toEqual(['IOM', 'SMS']);
		const audit = await handle.db
			.selectFrom('audit_entry')
			.select(['action', 'event_id', 'after_json'])
			.where('entity_type', '=', 'agreement')
			.where('entity_id', '=', ids.voluntaryReturn!)
			.execute();
		expect(audit.map((a) => [a.action, a.event_id])).toEqual([['agreement.create', ids.signing]]);
		expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({
			signed_on: '2016-12-08',
			parties: [ids.sms, ids.iom]
		});
	});

	test('an edit saves every field and the parties, audited before and after; an older version is refused', async () => {
		const db = handle.db;
		const id = await createAgreement(
			db,
			officer,
			parse({ title: 'Draft memorandum', parties: `${ids.sms},${ids.eu}` }).data!
		);
		const form = (await findAgreementForm(db, id))!;
		const first = parse({
			...form.values,
			title: 'Memorandum of understanding',
			parties: `${ids.sms},${ids.iom}`
		}).data!;
		await reviseAgreement(db, officer, id, Number(form.values.version), first);
		expect((await findAgreementForm(db, id))!.values).toMatchObject({
			title: 'Memorandum of understanding',
			parties: ascending(ids.sms!, ids.iom!).join(','),
			version: '2'
		});
		const stale = await reviseAgreement(db, officer, id, Number(form.values.version), {
			...first,
			summary: 'Mine'
		}).catch((e: unknown) => e);
		expect(stale).toBeInstanceOf(StaleRecord);
		expect((stale as StaleRecord<AgreementFormValues>).current.title).toBe('Memorandum of understanding');
		const audit = await db
			.selectFrom('audit_entry')
			.select(['action', 'before_json', 'after_json'])
			.where('entity_type', '=', 'agreement')
			.where('entity_id', '=', id)
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['agreement.create', 'agreement.update']);
		expect(JSON.parse(audit[1]!.before_json!)).toEqual({
			title: 'Draft memorandum',
			parties: ascending(ids.sms!, ids.eu!)
		});
		expect(JSON.parse(audit[1]!.after_json!)).toEqual({
			title: 'Memorandum of understanding',
			parties: ascending(ids.sms!, ids.iom!)
		});
		// Saving what is there changes nothing and writes nothing.
		await reviseAgreement(db, officer, id, 2, first);
		expect((await findAgreementForm(db, id))!.values.version).toBe('2');
	});

	test('bad input is refused beside its field', () => {
		const two = `${ids.sms},${ids.iom}`;
		expect(issues({ title: 'X', parties: String(ids.sms) })).toEqual([
			['parties', 'Choose at least two parties.']
		]);
		expect(issues({ title: '', parties: two })).toEqual([['title', 'Title is required.']]);
		expect(issues({ title: 'X', parties: two, signedOn: '2017-02-30' })).toEqual([
			['signedOn', 'There is no such date.']
		]);
		expect(issues({ title: 'X', parties: two, signedOn: '2017-05-01', approvedOn: '2017-04-01' })).toEqual([
			['approvedOn', 'It cannot be approved before it is signed.']
		]);
		expect(issues({ title: 'X', parties: two, signedOn: '2017-05-01', inForceOn: '2017-04-01' })).toEqual([
			['inForceOn', 'It cannot enter into force before it is signed.']
		]);
		expect(issues({ title: 'X', parties: two, inForceOn: '2017-05-01', inForceUntil: '2017-04-30' })).toEqual(
			[['inForceUntil', 'It cannot end before it enters into force.']]
		);
		expect(issues({ title: 'X', parties: two, signedOn: '2017-05-01', terminatedOn: '2017-04-30' })).toEqual([
			['terminatedOn', 'It cannot be terminated before it is signed.']
		]);
		expect(issues({ title: 'X', parties: two, signedOn: '2017-05-01', signedUndated: 'on' })).toEqual([
			['signedOn', 'Give the date, or say that it is not known: not both.']
		]);
		expect(issues({ title: 'X', parties: `${ids.sms},x` })).toEqual([
			['parties', 'Choose the parties from the list.']
		]);
	});

	test('parties and events that do not exist are refused beside their field, and nothing is written', async () => {
		const before = await handle.db.selectFrom('agreement').select('id').execute();
		const noParty = await createAgreement(
			handle.db,
			officer,
			parse({ title: 'X', parties: `${ids.sms},999999` }).data!
		).catch((e: unknown) => e);
		expect((noParty as RuleViolation).fields).toEqual({ parties: 'Choose the parties from the list.' });
		const noEvent = await createAgreement(
			handle.db,
			officer,
			parse({ title: 'X', parties: `${ids.sms},${ids.iom}`, signedEventId: '999999' }).data!
		).catch((e: unknown) => e);
		expect((noEvent as RuleViolation).fields).toEqual({ signedEventId: 'That event is gone.' });
		expect(await handle.db.selectFrom('agreement').select('id').execute()).toEqual(before);
	});

	test('where it stands follows from its dates, the same on its page and in the register, at every boundary', async () => {
		const db = handle.db;
		const terminated = (
			await insertAgreement(db, {
				title: 'Terminated agreement',
				signed_on: '2016-12-08',
				in_force_on: '2017-03-02',
				terminated_on: '2019-05-01'
			})
		).id;
		const undated = (await insertAgreement(db, { title: 'Signed, no date', signed_undated: 1 })).id;
		const expected: [string, number, AgreementState, string][] = [
			['2016-12-07', ids.voluntaryReturn!, 'draft', 'Draft: not signed yet'],
			['2016-12-08', ids.voluntaryReturn!, 'signed', 'Signed on 8 December 2016'],
			['2017-02-22', ids.voluntaryReturn!, 'signed', 'Signed on 8 December 2016'],
			['2017-02-23', ids.voluntaryReturn!, 'approved', 'Approved on 23 February 2017'],
			['2017-03-01', ids.voluntaryReturn!, 'approved', 'Approved on 23 February 2017'],
			['2017-03-02', ids.voluntaryReturn!, 'in_force', 'In force since 2 March 2017'],
			['2020-12-31', ids.voluntaryReturn!, 'in_force', 'In force since 2 March 2017'],
			['2021-01-01', ids.voluntaryReturn!, 'expired', 'Expired: in force until 31 December 2020'],
			['2019-04-30', terminated, 'in_force', 'In force since 2 March 2017'],
			['2019-05-01', terminated, 'terminated', 'Terminated with effect from 1 May 2019'],
			['2000-01-01', undated, 'signed', 'Signed, on a date not recorded']
		];
		for (const [day, id, state, text] of expected) {
			const { agreement } = (await findAgreementPage(db, id, {}, noonOf(day)))!;
			expect([day, agreement.state, agreement.stateText]).toEqual([day, state, text]);
			const listed = await listAgreementsPage(db, { state, page: { limit: 100 } }, noonOf(day));
			expect(
				listed.items.map((a) => a.id),
				`${day} ${state}`
			).toContain(id);
			const other = state === 'draft' ? 'signed' : 'draft';
			const notListed = await listAgreementsPage(db, { state: other, page: { limit: 100 } }, noonOf(day));
			expect(notListed.items.map((a) => a.id)).not.toContain(id);
		}
	});

	test("the day is the office's: 20:30 UTC on 1 March 2017 is already 2 March in Baku", async () => {
		const late = new Date('2017-03-01T20:30:00Z');
		const { agreement } = (await findAgreementPage(handle.db, ids.voluntaryReturn!, {}, late))!;
		expect(agreement.state).toBe('in_force');
	});

	test('the register filters by party, state and year and pages through the rest by keyset', async () => {
		const db = handle.db;
		const party = (
			await insertOrganization(db, { name: 'Ministry of Justice of the Netherlands', acronym: 'MoJ' })
		).id;
		for (let i = 0; i < 7; i++) {
			await insertAgreement(db, { title: `Protocol ${i}`, signed_on: `201${i}-06-0${i + 1}` }, [
				party,
				ids.sms!
			]);
		}
		await insertAgreement(db, { title: 'Unsigned protocol' }, [party, ids.sms!]);
		const seen: string[] = [];
		let request: PageRequest = { limit: 3 };
		for (;;) {
			const page = await listAgreementsPage(
				db,
				{ organizationId: party, page: request },
				noonOf('2024-01-01')
			);
			seen.push(...page.items.map((a) => a.title));
			if (!page.next) break;
			request = { limit: 3, after: decodeCursor(page.next, ['date', 'id']) };
		}
		expect(seen).toEqual([
			'Protocol 6',
			'Protocol 5',
			'Protocol 4',
			'Protocol 3',
			'Protocol 2',
			'Protocol 1',
			'Protocol 0',
			'Unsigned protocol'
		]);
		const back = await listAgreementsPage(
			db,
			{
				organizationId: party,
				page: {
					limit: 3,
					before: decodeCursor(Buffer.from(JSON.stringify(['2013-06-04', 0])).toString('base64url'), [
						'date',
						'id'
					])
				}
			},
			noonOf('2024-01-01')
		);
		expect(back.items.map((a) => a.title)).toEqual(['Protocol 6', 'Protocol 5', 'Protocol 4']);
		const in2014 = await listAgreementsPage(db, { year: 2014, page: { limit: 25 } });
		expect(in2014.items.map((a) => a.title)).toEqual(['Protocol 4']);
		const drafts = await listAgreementsPage(db, {
			organizationId: party,
			state: 'draft',
			page: { limit: 25 }
		});
		expect(drafts.items.map((a) => a.title)).toEqual(['Unsigned protocol']);
	});

	test('letters about it are linked and unlinked from its page, audited; a letter that is gone is refused', async () => {
		const db = handle.db;
		const letter = await db
			.insertInto('correspondence')
			.values({
				kind: 'note_verbale',
				dated_on: '2017-03-03',
				subject: 'Entry into force of the Agreement',
				...stamps()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const id = ids.voluntaryReturn!;
		await setAgreementLetter(db, officer, id, { correspondenceId: letter.id, linked: true });
		await setAgreementLetter(db, officer, id, { correspondenceId: letter.id, linked: true });
		expect((await findAgreementPage(db, id))!.agreement.letters.map((l) => l.subject)).toEqual([
			'Entry into force of the Agreement'
		]);
		await setAgreementLetter(db, officer, id, { correspondenceId: letter.id, linked: false });
		expect((await findAgreementPage(db, id))!.agreement.letters).toEqual([]);
		const audit = await db
			.selectFrom('audit_entry')
			.select('action')
			.where('entity_type', '=', 'agreement')
			.where('entity_id', '=', id)
			.where('action', 'like', '%link')
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['agreement.link', 'agreement.unlink']);
		await expect(
			setAgreementLetter(db, officer, id, { correspondenceId: 999_999, linked: true })
		).rejects.toBeInstanceOf(NotFound);
		await expect(
			setAgreementLetter(db, officer, 999_999, { correspondenceId: letter.id, linked: true })
		).rejects.toBeInstanceOf(NotFound);
	});

	test('the page finds letters to link by their reference number', async () => {
		const db = handle.db;
		await db
			.insertInto('correspondence')
			.values({
				kind: 'letter',
				reference_number: '09/1502',
				dated_on: '2021-09-02',
				subject: 'Champion countries',
				...stamps()
			})
			.execute();
		const page = (await findAgreementPage(db, ids.voluntaryReturn!, { find: '09/1502' }))!;
		expect(page.found?.map((g) => [g.type, g.hits.length])).toEqual([['correspondence', 1]]);
		expect((await findAgreementPage(db, ids.voluntaryReturn!))!.found).toBeNull();
	});
});

describeEachEngine('moving the agreements recorded as outcomes', (engine) => {
	test('makes them agreements with their parties, keeping what has no column in the summary, and back', async () => {
		const handle = await engine.open({ migrate: false });
		try {
			const migrator = new Migrator({
				db: handle.db,
				provider: { getMigrations: async () => migrations },
				migrationTableSchema: handle.schema
			});
			expect((await migrator.migrateTo('20261126_1000_add_outbox_claims')).error).toBeUndefined();
			const db = handle.db;
			// The organisation table as it was then, before it had a sort key (an undefined value is left out).
			const sms = await insertOrganization(db, { sort_key: undefined });
			const iom = await insertOrganization(db, {
				name: 'International Organization for Migration',
				acronym: 'IOM',
				sort_key: undefined
			});
			// The person table as it was then, before it had a name key: no factory of today's schema fits.
			const owner = (await (db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>)
				.insertInto('person')
				.values({
					honorific: 'Mr',
					given_name: 'Firudin',
					family_name: 'Nabiyev',
					created_at: new Date().toISOString(),
					updated_at: new Date().toISOString()
				})
				.returning('id')
				.executeTakeFirstOrThrow()) as { id: number };
			const signing = await insertEvent(db, { title: 'Signing in Geneva' });
			const later = await insertEvent(db, { title: 'Review meeting' });
			// Typed loosely: these columns are no longer in the application's schema.
			const old = db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
			const { id } = (await old
				.insertInto('outcome')
				.values({
					event_id: signing.id,
					kind: 'agreement',
					title: 'Cooperation Agreement',
					text: 'Pilot project on voluntary return.',
					owner_person_id: owner.id,
					status: 'done',
					signed_on: '2016-12-08',
					signed_place: 'Geneva',
					approved_on: '2017-02-23',
					in_force_on: '2017-03-02',
					...stamps()
				})
				.returning('id')
				.executeTakeFirstOrThrow()) as { id: number };
			await old
				.insertInto('outcome_party')
				.values([
					{ outcome_id: id, organization_id: sms.id },
					{ outcome_id: id, organization_id: iom.id }
				])
				.execute();
			await old
				.insertInto('outcome_follow_up')
				.values({ outcome_id: id, event_id: later.id, note: 'Reviewed.' })
				.execute();
			await old
				.insertInto('outcome')
				.values({ kind: 'decision', title: 'Stays an outcome', ...stamps() })
				.execute();

			await migrateToLatest(handle);
			const agreements = await db.selectFrom('agreement').selectAll().execute();
			expect(agreements).toHaveLength(1);
			expect(agreements[0]).toMatchObject({
				title: 'Cooperation Agreement',
				signed_on: '2016-12-08',
				signed_place: 'Geneva',
				signed_event_id: signing.id,
				approved_on: '2017-02-23',
				in_force_on: '2017-03-02',
				summary:
					'Pilot project on voluntary return.\nResponsible: Firudin Nabiyev.\nFollowed up at Review meeting: Reviewed.'
			});
			const parties = await db
				.selectFrom('agreement_party')
				.select('organization_id')
				.orderBy('organization_id')
				.execute();
			expect(parties.map((p) => p.organization_id)).toEqual([sms.id, iom.id].sort((a, b) => a - b));
			expect((await db.selectFrom('outcome').select('title').execute()).map((o) => o.title)).toEqual([
				'Stays an outcome'
			]);

			expect((await migrator.migrateTo('20261126_1000_add_outbox_claims')).error).toBeUndefined();
			const back = await old
				.selectFrom('outcome')
				.select(['kind', 'title', 'signed_on'])
				.where('kind', '=', 'agreement')
				.execute();
			expect(back).toEqual([{ kind: 'agreement', title: 'Cooperation Agreement', signed_on: '2016-12-08' }]);
		} finally {
			await handle.cleanup();
		}
	});
});
