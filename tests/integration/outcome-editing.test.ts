/**
 * Recording and editing outcomes on both engines: a decision with its parties, owner and due date; a
 * date that does not exist refused beside the field; the follow-up status changed alone; a save from an
 * older version refused with the other officer's values; every write audited. An outcome is never an
 * agreement: those have a register of their own (agreements.test.ts).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { RuleViolation, StaleRecord } from '$lib/server/errors';
import { OutcomeInput, emptyOutcomeForm, type OutcomeFormValues } from '$lib/server/outcomes/outcome.input';
import {
	createOutcome,
	findOutcomeForm,
	findOutcomePage,
	reviseOutcome,
	setOutcomeStatus
} from '$lib/server/outcomes/outcome.service';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertPerson } from '../helpers/factories';

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
		ids.event = (await insertEvent(handle.db, { title: 'Meeting with the Regional Director of IOM' })).id;
		outcomeId = await createOutcome(
			handle.db,
			officer,
			OutcomeInput.parse({
				...emptyOutcomeForm(),
				eventId: String(ids.event),
				kind: 'decision',
				title: 'Prepare a joint roadmap on voluntary return',
				status: 'in_progress',
				ownerPersonId: String(ids.nabiyev),
				dueOn: '2016-12-05',
				parties: `${ids.sms},${ids.iom}`
			})
		);
	});
	afterAll(() => handle?.cleanup());

	test('a decision is recorded with its parties, due date and owner, at its event', async () => {
		const page = (await findOutcomePage(handle.db, outcomeId))!;
		expect(page).toMatchObject({ kind: 'decision', dueOn: '2016-12-05', status: 'in_progress' });
		expect(page.event?.id).toBe(ids.event);
		expect(page.ownerPerson?.name).toContain('Nabiyev');
		expect(page.parties.map((p) => p.id).sort()).toEqual([ids.sms, ids.iom].sort());
	});

	test('an edit saves every field and the parties; an older version is refused', async () => {
		const first = await form({ dueOn: '2017-01-20', parties: String(ids.iom), status: 'done' });
		await reviseOutcome(handle.db, officer, outcomeId, first.version, first.input);
		const after = (await findOutcomeForm(handle.db, outcomeId))!.values;
		expect(after).toMatchObject({ dueOn: '2017-01-20', parties: String(ids.iom), status: 'done' });
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
		expect(JSON.parse(audit[1]!.after_json!)).toMatchObject({ due_on: '2017-01-20', parties: [ids.iom] });
	});

	test('a date that does not exist, an agreement, and unknown people are refused beside their field', async () => {
		const base = { ...emptyOutcomeForm(), kind: 'decision', title: 'X', status: 'open' };
		const noSuchDay = OutcomeInput.safeParse({ ...base, dueOn: '2017-02-30' });
		expect(noSuchDay.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
			['dueOn', 'There is no such date.']
		]);
		const agreement = OutcomeInput.safeParse({ ...base, kind: 'agreement' });
		expect(agreement.error!.issues.map((i) => [i.path[0], i.message])).toEqual([['kind', 'Choose a kind.']]);
		const unknown = await form({ ownerPersonId: '999999' });
		const error = await reviseOutcome(handle.db, officer, outcomeId, unknown.version, unknown.input).catch(
			(e: unknown) => e
		);
		expect((error as RuleViolation).fields.ownerPersonId).toBe('Choose a person from the list.');
	});

	test('the follow-up status changes alone, version-checked and audited', async () => {
		const { version } = await form();
		await setOutcomeStatus(handle.db, officer, outcomeId, version, {
			status: 'dropped',
			note: 'Overtaken by the new work plan'
		});
		expect((await findOutcomePage(handle.db, outcomeId))!.status).toBe('dropped');
		await expect(
			setOutcomeStatus(handle.db, officer, outcomeId, version, { status: 'open', note: 'Reopened' })
		).rejects.toBeInstanceOf(StaleRecord);
		const audit = await handle.db
			.selectFrom('audit_entry')
			.select('action')
			.where('action', '=', 'outcome.status')
			.execute();
		expect(audit).toHaveLength(1);
	});
});
