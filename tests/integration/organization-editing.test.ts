/**
 * Adding and editing organisations on both engines: every field saved and audited; the tree stays a
 * tree (no organisation under itself or under one of its own); a save from an older version is refused
 * with the other officer's values.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Actor } from '$lib/server/audit/audit';
import { RuleViolation, StaleRecord } from '$lib/server/errors';
import { OrganizationInput, type OrganizationFormValues } from '$lib/server/organizations/organization.input';
import {
	createOrganization,
	findOrganizationForm,
	reviseOrganization
} from '$lib/server/organizations/organization.service';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';

const officer: Actor = {
	userId: null,
	label: 'officer@protokol.test',
	clientAddress: '192.0.2.10',
	role: 'officer' as const
};

describeEachEngine('editing organisations', (engine) => {
	let handle: TestDatabase;
	const ids: Record<string, number> = {};

	const form = async (id: number, changes: Partial<OrganizationFormValues> = {}) => {
		const current = (await findOrganizationForm(handle.db, id))!;
		return {
			input: OrganizationInput.parse({ ...current.values, ...changes }),
			version: Number(current.values.version)
		};
	};

	beforeAll(async () => {
		handle = await engine.open();
		ids.iom = await createOrganization(
			handle.db,
			officer,
			OrganizationInput.parse({
				name: 'International Organization for Migration',
				acronym: 'IOM',
				kind: 'international_organization',
				countryCode: '',
				parentId: '',
				city: 'Geneva',
				website: 'https://www.iom.int',
				notes: ''
			})
		);
		ids.office = await createOrganization(
			handle.db,
			officer,
			OrganizationInput.parse({
				name: 'IOM Regional Office for Europe and Central Asia',
				acronym: '',
				kind: 'international_organization',
				countryCode: 'at',
				parentId: String(ids.iom),
				city: 'Vienna',
				website: '',
				notes: ''
			})
		);
		ids.mission = await createOrganization(
			handle.db,
			officer,
			OrganizationInput.parse({
				name: 'IOM Azerbaijan',
				acronym: '',
				kind: 'international_organization',
				countryCode: 'AZ',
				parentId: String(ids.office),
				city: 'Baku',
				website: '',
				notes: ''
			})
		);
	});
	afterAll(() => handle?.cleanup());

	test('a new organisation keeps every field, the country code in capitals', async () => {
		const values = (await findOrganizationForm(handle.db, ids.office!))!.values;
		expect(values).toMatchObject({
			countryCode: 'AT',
			parentId: String(ids.iom),
			city: 'Vienna',
			version: '1'
		});
		const audit = await handle.db
			.selectFrom('audit_entry')
			.select('action')
			.where('entity_id', '=', ids.office!)
			.where('entity_type', '=', 'organization')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['organization.create']);
	});

	test('an edit saves, raises the version and is audited; an older version is refused', async () => {
		const first = await form(ids.mission!, {
			name: 'IOM Mission in Azerbaijan',
			website: 'https://azerbaijan.iom.int'
		});
		await reviseOrganization(handle.db, officer, ids.mission!, first.version, first.input);
		expect((await findOrganizationForm(handle.db, ids.mission!))!.values).toMatchObject({
			name: 'IOM Mission in Azerbaijan',
			version: '2'
		});
		const stale = await reviseOrganization(
			handle.db,
			officer,
			ids.mission!,
			first.version,
			first.input
		).catch((e: unknown) => e);
		expect(stale).toBeInstanceOf(StaleRecord);
		expect(((stale as StaleRecord).current as OrganizationFormValues).name).toBe('IOM Mission in Azerbaijan');
	});

	test('no organisation under itself or under one below it', async () => {
		const selfParent = await form(ids.iom!, { parentId: String(ids.iom) });
		const e1 = await reviseOrganization(
			handle.db,
			officer,
			ids.iom!,
			selfParent.version,
			selfParent.input
		).catch((e: unknown) => e);
		expect((e1 as RuleViolation).fields.parentId).toBe('An organisation cannot sit under itself.');
		const cycle = await form(ids.iom!, { parentId: String(ids.mission) });
		const e2 = await reviseOrganization(handle.db, officer, ids.iom!, cycle.version, cycle.input).catch(
			(e: unknown) => e
		);
		expect((e2 as RuleViolation).fields.parentId).toMatch(/sits under this one/);
		// The edit form names only the parent its values hold (its chooser finds any other).
		const { values, named } = (await findOrganizationForm(handle.db, ids.mission!))!;
		expect((named.organization ?? []).map((o) => String(o.id))).toEqual([values.parentId]);
	});

	test('bad input is refused beside each field', () => {
		const result = OrganizationInput.safeParse({
			name: '',
			acronym: '',
			kind: 'club',
			countryCode: 'Azerbaijan',
			parentId: 'x',
			city: '',
			website: 'javascript:alert(1)',
			notes: ''
		});
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((i) => i.path[0])).toEqual(
			expect.arrayContaining(['name', 'kind', 'countryCode', 'parentId', 'website'])
		);
	});
});
