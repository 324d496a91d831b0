/**
 * Recording and editing outcomes on both engines: an agreement with its parties and dates; dates in
 * an impossible order refused beside the field; the follow-up status changed alone; a save from an
 * older version refused with the other officer's values; every write audited.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Actor } from '$lib/server/audit/audit';
import { RuleViolation, StaleRecord } from '$lib/server/errors';
import { OutcomeInput, emptyOutcomeForm, type OutcomeFormValues } from '$lib/server/outcomes/outcome.input';
import {
	createOutcome,
	findOutcomeForm,
	findOutcomePage,
	reviseOutcome,
	setOutcomeStatus
} from '$lib/server/outcomes/outcome.service';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertPerson } from '../helpers/factories';

const officer: Actor = {
	userId: null,
	label: 'officer@protokol.test',
	clientAddress: '192.0.2.10',
	role: 'officer' as const
};

describeEachEngine('outcomes', (engine) => {
	let handle: TestDatabase;
	let outcomeId: number;
	const ids: Record<string, number> = {};

	const form = async (changes: Partial<OutcomeFormValues> = {}) => {
		const current = (await findOutcomeForm(handle.db, outcomeId))!;
		return {
			input: OutcomeInput.parse({ ...current.values, ...changes }),
			version: Number(current.values.version)
		};
	};

	beforeAll(async () => {
		handle = await engine.open();
		ids.sms = (await insertOrganization(handle.db, { name: 'State Migration Service', acronym: 'SMS' })).id;
		ids.iom = (
			await insertOrganization(handle.db, {
				name: 'International Organization for Migration',
				acronym: 'IOM'
			})
		).id;
		ids.nabiyev = (await insertPerson(handle.db, { given_name: 'Firudin', family_name: 'Nabiyev' })).id;
		ids.event = (await insertEvent(handle.db, { title: 'Signing of the Cooperation Agreement' })).id;
		outcomeId = await createOutcome(
			handle.db,
			officer,
			OutcomeInput.parse({
				...emptyOutcomeForm(),
				eventId: String(ids.event),
				kind: 'agreement',
				title: 'Cooperation Agreement between the State Migration Service and IOM',
				status: 'in_progress',
				ownerPersonId: String(ids.nabiyev),
				signedOn: '2016-09-30',
				signedPlace: 'Baku',
				approvedOn: '2016-12-05',
				parties: `${ids.sms},${ids.iom}`
			})
		);
	});
	afterAll(() => handle?.cleanup());

	test('an agreement is recorded with its parties, dates and owner, at its event', async () => {
		const page = (await findOutcomePage(handle.db, outcomeId))!;
		expect(page).toMatchObject({
			kind: 'agreement',
			signedOn: '2016-09-30',
			approvedOn: '2016-12-05',
			status: 'in_progress'
		});
		expect(page.event?.id).toBe(ids.event);
		expect(page.ownerPerson?.name).toContain('Nabiyev');
		expect(page.parties.map((p) => p.id).sort()).toEqual([ids.sms, ids.iom].sort());
	});

	test('an edit saves every field and the parties; an older version is refused', async () => {
		const first = await form({ inForceOn: '2017-01-20', parties: String(ids.iom), status: 'done' });
		await reviseOutcome(handle.db, officer, outcomeId, first.version, first.input);
		const after = (await findOutcomeForm(handle.db, outcomeId))!.values;
		expect(after).toMatchObject({ inForceOn: '2017-01-20', parties: String(ids.iom), status: 'done' });
		const stale = await reviseOutcome(handle.db, officer, outcomeId, first.version, first.input).catch(
			(e: unknown) => e
		);
		expect(stale).toBeInstanceOf(StaleRecord);
		const audit = await handle.db
			.selectFrom('audit_entry')
			.select(['action', 'after_json'])
			.where('entity_type', '=', 'outcome')
			.where('entity_id', '=', outcomeId)
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['outcome.create', 'outcome.update']);
		expect(JSON.parse(audit[1]!.after_json!)).toMatchObject({
			in_force_on: '2017-01-20',
			parties: [ids.iom]
		});
	});

	test('dates in an impossible order and unknown people are refused beside their field', async () => {
		const base = { ...emptyOutcomeForm(), kind: 'agreement', title: 'X', status: 'open' };
		const order = OutcomeInput.safeParse({ ...base, signedOn: '2017-05-01', inForceOn: '2017-01-01' });
		expect(order.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
			['inForceOn', 'It cannot enter into force before it is signed.']
		]);
		const noSuchDay = OutcomeInput.safeParse({ ...base, dueOn: '2017-02-30' });
		expect(noSuchDay.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
			['dueOn', 'There is no such date.']
		]);
		const unknown = await form({ ownerPersonId: '999999' });
		const error = await reviseOutcome(handle.db, officer, outcomeId, unknown.version, unknown.input).catch(
			(e: unknown) => e
		);
		expect((error as RuleViolation).fields.ownerPersonId).toBe('Choose a person from the list.');
	});

	test('the follow-up status changes alone, version-checked and audited', async () => {
		const { version } = await form();
		await setOutcomeStatus(handle.db, officer, outcomeId, version, 'dropped');
		expect((await findOutcomePage(handle.db, outcomeId))!.status).toBe('dropped');
		await expect(setOutcomeStatus(handle.db, officer, outcomeId, version, 'open')).rejects.toBeInstanceOf(
			StaleRecord
		);
		const audit = await handle.db
			.selectFrom('audit_entry')
			.select('action')
			.where('action', '=', 'outcome.status')
			.execute();
		expect(audit).toHaveLength(1);
	});
});
