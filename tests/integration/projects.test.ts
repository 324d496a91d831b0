/**
 * Cooperation projects on both engines: recording one with its partners, approximate dates ("since
 * 2014") and focal point, under an agreement; editing it, audited, a stale save refused; bad input
 * refused beside its field and by the database; linking and unlinking events, outcomes, letters and
 * agreements from its page; the list's filters and keyset paging.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { findAgreementPage } from '$lib/server/agreements/agreement.service';
import { NotFound, RuleViolation, StaleRecord } from '$lib/server/errors';
import { decodeCursor, type PageRequest } from '$lib/server/pagination';
import {
	PROJECT_FORM,
	ProjectCreateInput,
	ProjectInput,
	type ProjectFormValues
} from '$lib/server/projects/project.input';
import {
	createProject,
	findProjectForm,
	findProjectPage,
	listProjectsPage,
	reviseProject,
	setProjectLink
} from '$lib/server/projects/project.service';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import {
	insertAgreement,
	insertEvent,
	insertOrganization,
	insertPerson,
	insertProject,
	stamps
} from '../helpers/factories';

describeEachEngine('projects', (engine) => {
	let handle: TestDatabase;
	const ids: Record<string, number> = {};

	const create = (values: Partial<ProjectFormValues>) =>
		ProjectCreateInput.parse({ ...PROJECT_FORM.empty(), state: 'ongoing', ...values });
	const issues = (values: Partial<ProjectFormValues>) =>
		ProjectInput.safeParse({ ...PROJECT_FORM.empty(), state: 'ongoing', ...values }).error?.issues.map(
			(i) => [i.path[0], i.message]
		) ?? [];

	beforeAll(async () => {
		handle = await engine.open();
		const db = handle.db;
		ids.iom = (
			await insertOrganization(db, { name: 'International Organization for Migration', acronym: 'IOM' })
		).id;
		ids.eu = (await insertOrganization(db, { name: 'European Union', acronym: 'EU' })).id;
		ids.officer = (await insertPerson(db, { given_name: 'Aysel', family_name: 'Mammadova' })).id;
		ids.agreement = (
			await insertAgreement(db, { title: 'Cooperation Agreement', signed_on: '2016-12-08' })
		).id;
		ids.project = await createProject(
			db,
			officer,
			create({
				title: 'Consolidation of Migration and Border Management Capacities in Azerbaijan',
				programme: 'joint_project',
				startOn: '2014',
				focalPersonId: String(ids.officer),
				partners: `${ids.iom}`,
				description: 'Since 2014.',
				agreementId: String(ids.agreement)
			})
		);
	});
	afterAll(() => handle?.cleanup());

	test('a project is recorded with its partners, "since 2014", its focal point and its agreement; audited', async () => {
		const { project } = (await findProjectPage(handle.db, ids.project!))!;
		expect(project).toMatchObject({
			state: 'ongoing',
			period: 'Since 2014',
			programmeLabel: 'Joint project',
			focalPoint: { id: ids.officer, name: 'Mr Aysel Mammadova' }
		});
		expect(project.partners.map((p) => p.acronym)).toEqual(['IOM']);
		expect(project.agreements.map((a) => [a.id, a.stateText])).toEqual([
			[ids.agreement, 'Signed on 8 December 2016']
		]);
		const row = await handle.db
			.selectFrom('project')
			.selectAll()
			.where('id', '=', ids.project!)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({ start_on: '2014-01-01', start_precision: 'year', end_on: null });
		const { agreement } = (await findAgreementPage(handle.db, ids.agreement!))!;
		expect(agreement.projects.map((p) => p.title)).toEqual([
			'Consolidation of Migration and Border Management Capacities in Azerbaijan'
		]);
		const audit = await handle.db
			.selectFrom('audit_entry')
			.select('action')
			.where('entity_type', '=', 'project')
			.where('entity_id', '=', ids.project!)
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['project.create', 'project.link']);
	});

	test('an edit saves every field and the partners, audited; an older version is refused with theirs', async () => {
		const db = handle.db;
		const form = (await findProjectForm(db, ids.project!))!;
		expect(form.values).toMatchObject({ startOn: '2014', endOn: '', partners: String(ids.iom) });
		const next = ProjectInput.parse({
			...form.values,
			state: 'completed',
			startOn: '2014-03',
			endOn: '2019-06-30',
			partners: `${ids.iom},${ids.eu}`
		});
		await reviseProject(db, officer, ids.project!, Number(form.values.version), next);
		const { project } = (await findProjectPage(db, ids.project!))!;
		expect([project.state, project.period, project.partners.length]).toEqual([
			'completed',
			'March 2014 – 30 June 2019',
			2
		]);
		const stale = await reviseProject(db, officer, ids.project!, Number(form.values.version), next).catch(
			(e: unknown) => e
		);
		expect(stale).toBeInstanceOf(StaleRecord);
		expect((stale as StaleRecord<ProjectFormValues>).current).toMatchObject({
			startOn: '2014-03',
			state: 'completed'
		});
		const update = await db
			.selectFrom('audit_entry')
			.select(['before_json', 'after_json'])
			.where('action', '=', 'project.update')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(update.before_json!)).toMatchObject({ state: 'ongoing', start_precision: 'year' });
		expect(JSON.parse(update.after_json!)).toMatchObject({
			state: 'completed',
			start_on: '2014-03-01',
			start_precision: 'month'
		});
	});

	test('dates are taken as a year, a month or a day, and refused beside their field otherwise', () => {
		const wrong = 'Enter the start as a year (2014), a month (2014-03) or a day (2014-03-15).';
		expect(issues({ title: 'X', startOn: 'March 2014' })).toEqual([['startOn', wrong]]);
		expect(issues({ title: 'X', startOn: '2014-13' })).toEqual([['startOn', 'There is no such date.']]);
		expect(issues({ title: 'X', startOn: '2014-02-30' })).toEqual([['startOn', 'There is no such date.']]);
		expect(issues({ title: 'X', startOn: '2015', endOn: '2014-12-31' })).toEqual([
			['endOn', 'It cannot end before it starts.']
		]);
		// An end known to the year may be any day of it.
		expect(issues({ title: 'X', startOn: '2014-03', endOn: '2014' })).toEqual([]);
		expect(issues({ title: 'X', programme: 'erasmus' })).toEqual([
			['programme', 'Choose a programme from the list.']
		]);
		expect(issues({ title: 'X', state: 'paused' })).toEqual([['state', 'Choose where the project stands.']]);
	});

	test('unknown partners, people and agreements are refused beside their field, and nothing is written', async () => {
		const before = await handle.db.selectFrom('project').select('id').execute();
		const refusal = (values: Partial<ProjectFormValues>) =>
			createProject(handle.db, officer, create({ title: 'X', ...values })).catch(
				(e: unknown) => (e as RuleViolation).fields
			);
		expect(await refusal({ partners: '999999' })).toEqual({ partners: 'Choose the partners from the list.' });
		expect(await refusal({ focalPersonId: '999999' })).toEqual({
			focalPersonId: 'Choose a person from the list.'
		});
		expect(await refusal({ agreementId: '999999' })).toEqual({ agreementId: 'That agreement is gone.' });
		expect(await handle.db.selectFrom('project').select('id').execute()).toEqual(before);
	});

	test('the database refuses a precision without a date and a year that does not start in January', async () => {
		await expect(insertProject(handle.db, { start_precision: 'year' })).rejects.toThrow(/check constraint/i);
		await expect(
			insertProject(handle.db, { start_on: '2014-03-01', start_precision: 'year' })
		).rejects.toThrow(/check constraint/i);
		await expect(insertProject(handle.db, { end_on: '2014-03-02', end_precision: 'month' })).rejects.toThrow(
			/check constraint/i
		);
		await expect(insertProject(handle.db, { start_on: '2014-03-01' })).rejects.toThrow(/check constraint/i);
	});

	test('events, outcomes, letters and agreements are linked and unlinked from its page, audited', async () => {
		const db = handle.db;
		const event = await insertEvent(db, { title: 'Opening of the Regional Training Center' });
		const outcome = await db
			.insertInto('outcome')
			.values({ kind: 'decision', title: 'Train border guards', ...stamps() })
			.returning('id')
			.executeTakeFirstOrThrow();
		const letter = await db
			.insertInto('correspondence')
			.values({ kind: 'letter', dated_on: '2021-09-02', subject: 'Champion countries', ...stamps() })
			.returning('id')
			.executeTakeFirstOrThrow();
		const other = await insertAgreement(db, { title: 'Readmission agreement' });
		const targets = [
			{ kind: 'event', targetId: event.id },
			{ kind: 'outcome', targetId: outcome.id },
			{ kind: 'correspondence', targetId: letter.id },
			{ kind: 'agreement', targetId: other.id }
		] as const;
		for (const target of targets)
			await setProjectLink(db, officer, ids.project!, { ...target, linked: true });
		const { project } = (await findProjectPage(db, ids.project!))!;
		expect(project.events.map((e) => e.title)).toEqual(['Opening of the Regional Training Center']);
		expect(project.outcomes.map((o) => o.title)).toEqual(['Train border guards']);
		expect(project.letters.map((l) => l.subject)).toEqual(['Champion countries']);
		expect(project.agreements.map((a) => a.title).sort()).toEqual([
			'Cooperation Agreement',
			'Readmission agreement'
		]);
		for (const target of targets)
			await setProjectLink(db, officer, ids.project!, { ...target, linked: false });
		const after = (await findProjectPage(db, ids.project!))!.project;
		expect([after.events, after.outcomes, after.letters].map((list) => list.length)).toEqual([0, 0, 0]);
		expect(after.agreements.map((a) => a.title)).toEqual(['Cooperation Agreement']);
		// Unlinking what is not linked changes nothing and is not audited.
		await setProjectLink(db, officer, ids.project!, { kind: 'event', targetId: event.id, linked: false });
		const links = await db
			.selectFrom('audit_entry')
			.select('action')
			.where('entity_type', '=', 'project')
			.where('action', 'in', ['project.link', 'project.unlink'])
			.execute();
		expect(links).toHaveLength(1 + 4 + 4);
		await expect(
			setProjectLink(db, officer, ids.project!, { kind: 'event', targetId: 999_999, linked: true })
		).rejects.toBeInstanceOf(NotFound);
		await expect(
			setProjectLink(db, officer, 999_999, { kind: 'event', targetId: event.id, linked: true })
		).rejects.toBeInstanceOf(NotFound);
	});

	test('the page finds what to link by name, among events, outcomes, letters and agreements only', async () => {
		const db = handle.db;
		await insertEvent(db, { title: 'Training on border management' });
		await insertOrganization(db, { name: 'Border management academy' });
		const page = (await findProjectPage(db, ids.project!, { find: 'border management' }))!;
		expect(page.found?.map((g) => g.type)).toEqual(['event']);
	});

	test('the list filters by partner, programme and state, and pages alphabetically by keyset', async () => {
		const db = handle.db;
		const partner = (await insertOrganization(db, { name: 'UNHCR', acronym: 'UNHCR' })).id;
		for (const [title, programme, state] of [
			['Asylum Systems Quality Initiative', 'joint_project', 'ongoing'],
			['Border twinning', 'twinning', 'completed'],
			['Capacity building', 'twinning', 'ongoing'],
			['Data exchange', 'taiex', 'planned'],
			['Exchange of experts', 'taiex', 'ongoing']
		] as const) {
			await insertProject(db, { title, programme, state }, [partner]);
		}
		const titles: string[] = [];
		let request: PageRequest = { limit: 2 };
		for (;;) {
			const page = await listProjectsPage(db, { organizationId: partner, page: request });
			titles.push(...page.items.map((p) => p.title));
			if (!page.next) break;
			request = { limit: 2, after: decodeCursor(page.next, ['text', 'id']) };
		}
		expect(titles).toEqual([
			'Asylum Systems Quality Initiative',
			'Border twinning',
			'Capacity building',
			'Data exchange',
			'Exchange of experts'
		]);
		const twinning = await listProjectsPage(db, {
			organizationId: partner,
			programme: 'twinning',
			page: { limit: 9 }
		});
		expect(twinning.items.map((p) => p.title)).toEqual(['Border twinning', 'Capacity building']);
		const ongoingTaiex = await listProjectsPage(db, {
			programme: 'taiex',
			state: 'ongoing',
			page: { limit: 9 }
		});
		expect(ongoingTaiex.items.map((p) => p.title)).toEqual(['Exchange of experts']);
	});
});
