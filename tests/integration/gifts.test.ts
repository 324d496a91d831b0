/**
 * The gifts register on both engines: registering a gift received and one given, values in each
 * currency's minor unit, bad input refused beside its field, a stale save refused, the event it was
 * given at, the photograph in the file store (content shared with a letter's file stays while either
 * holds it), the register's filters and paging, and a year's report per person and per organisation.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
	attachCorrespondenceFile,
	removeCorrespondenceFile,
	listFilesOfCorrespondence
} from '$lib/server/correspondence/correspondence-file.service';
import { NotFound, RuleViolation, StaleRecord } from '$lib/server/errors';
import { stageFile } from '$lib/server/files/file.staging';
import { localFileStorage, type FileStorage } from '$lib/server/files/file.storage';
import type { Upload } from '$lib/server/files/file.upload';
import { GIFT_FORM, GiftInput, type GiftFormValues } from '$lib/server/gifts/gift.input';
import {
	attachGiftPhoto,
	createGift,
	findGiftForm,
	findGiftPage,
	findGiftPhoto,
	getGiftRegister,
	getGiftReport,
	getGiftReportCsv,
	removeGiftPhoto,
	reviseGift,
	setGiftEvent
} from '$lib/server/gifts/gift.service';
import { officer, otherOfficer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { pdfFile, pngFile } from '../helpers/documents';
import { insertCorrespondence, insertEvent, insertOrganization, insertPerson } from '../helpers/factories';

const LIMIT = 64 * 1024;

describeEachEngine('gifts register', (engine) => {
	let handle: TestDatabase;
	let filesDir: string;
	let storage: FileStorage;
	const ids: Record<string, number> = {};

	const form = (values: Partial<GiftFormValues>): GiftFormValues => ({
		...GIFT_FORM.empty(),
		direction: 'received',
		disposition: 'undecided',
		givenOn: '2026-12-18',
		description: 'A silver tray',
		...values
	});
	const issues = (values: Partial<GiftFormValues>) =>
		Object.fromEntries(
			GiftInput.safeParse(form(values)).error?.issues.map((i) => [i.path[0], i.message]) ?? []
		);
	const register = (values: Partial<GiftFormValues>) =>
		createGift(handle.db, officer, GiftInput.parse(form(values)));
	const upload = async (content: Buffer, name: string): Promise<Upload> => ({
		file: { staged: await stageFile(Readable.from([content]), storage.stagingDirectory, LIMIT), name },
		problem: null
	});
	const stored = () =>
		readdirSync(filesDir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => entry.name);

	beforeAll(async () => {
		handle = await engine.open();
		filesDir = mkdtempSync(join(tmpdir(), 'protokol-gifts-'));
		storage = localFileStorage(filesDir);
		const db = handle.db;
		ids.iom = (
			await insertOrganization(db, { name: 'International Organization for Migration', acronym: 'IOM' })
		).id;
		ids.sms = (await insertOrganization(db, { name: 'State Migration Service', acronym: 'SMS' })).id;
		ids.swing = (
			await insertPerson(db, { honorific: 'H.E. Mr', given_name: 'William Lacy', family_name: 'Swing' })
		).id;
		ids.chief = (
			await insertPerson(db, { honorific: 'Mr', given_name: 'Vusal', family_name: 'Huseynov' })
		).id;
		ids.visit = (await insertEvent(db, { title: 'Official visit of the IOM Director General' })).id;
	});
	afterAll(async () => {
		await handle?.cleanup();
		if (filesDir) rmSync(filesDir, { recursive: true, force: true });
	});

	test('a gift received is registered with its parties, event and value in minor units; audited', async () => {
		ids.tray = await register({
			giverPersonId: String(ids.swing),
			giverOrganizationId: String(ids.iom),
			recipientPersonId: String(ids.chief),
			value: '1 200.5',
			currency: 'usd',
			eventId: String(ids.visit)
		});
		const row = await handle.db
			.selectFrom('gift')
			.selectAll()
			.where('id', '=', ids.tray)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({ value_minor: 120050, currency: 'USD', event_id: ids.visit, version: 1 });
		const { gift } = (await findGiftPage(handle.db, ids.tray))!;
		expect(gift).toMatchObject({
			directionLabel: 'Received',
			date: '18 December 2026',
			value: 'USD\u00a01,200.50',
			dispositionLabel: 'Not decided yet',
			giver: {
				person: { id: ids.swing, name: 'H.E. Mr William Lacy Swing' },
				organization: { id: ids.iom, name: 'International Organization for Migration (IOM)' }
			},
			recipient: { person: { id: ids.chief }, organization: null },
			event: { id: ids.visit, title: 'Official visit of the IOM Director General' },
			hasPhoto: false
		});
		const audit = await handle.db
			.selectFrom('audit_entry')
			.select(['action', 'event_id'])
			.where('entity_type', '=', 'gift')
			.where('entity_id', '=', ids.tray)
			.execute();
		expect(audit).toEqual([{ action: 'gift.create', event_id: ids.visit }]);
		// The form shows the value again as typed in the currency's decimals.
		expect((await findGiftForm(handle.db, ids.tray))!.values).toMatchObject({
			value: '1200.50',
			currency: 'USD'
		});
	});

	test('bad input is refused beside its field', () => {
		expect(issues({})).toMatchObject({
			giverPersonId: 'Name who gave it: a person, an organisation, or both.',
			recipientPersonId: 'Name who received it: a person, an organisation, or both.'
		});
		const named = { giverOrganizationId: '1', recipientOrganizationId: '2' };
		expect(issues({ ...named, value: '250' })).toEqual({
			currency: 'Say in which currency the value is estimated.'
		});
		expect(issues({ ...named, value: '250', currency: 'XYZ1' })).toEqual({
			currency: 'Enter a currency code such as AZN, USD or EUR.'
		});
		expect(issues({ ...named, value: '1500.5', currency: 'JPY' })).toEqual({
			value: 'JPY has no smaller unit: enter a whole number.'
		});
		expect(issues({ ...named, value: '12.345', currency: 'AZN' })).toEqual({
			value: 'AZN has 2 decimal places at most.'
		});
		expect(issues({ ...named, value: 'two hundred', currency: 'AZN' })).toEqual({
			value: 'Enter the value as a number, such as 250 or 1 200.50.'
		});
		expect(issues({ ...named, value: '99999999999', currency: 'AZN' })).toEqual({
			value: 'That value is too large to record.'
		});
		expect(issues({ ...named, givenOn: '2026-02-30' })).toEqual({ givenOn: 'There is no such date.' });
		expect(issues({ ...named, dispositionOn: '2026-12-01' })).toEqual({
			dispositionOn: 'It cannot come before the gift was given.'
		});
		expect(issues({ ...named, direction: 'stolen' })).toEqual({
			direction: 'Say whether the gift was received or given.'
		});
		expect(issues({ ...named, description: '  ' })).toEqual({ description: 'Description is required.' });
	});

	test('a gift naming a person or event that is gone is refused beside that field, nothing written', async () => {
		const before = await handle.db.selectFrom('gift').select('id').execute();
		const refusal = await register({
			giverPersonId: '999999',
			recipientOrganizationId: String(ids.sms)
		}).catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(RuleViolation);
		expect((refusal as RuleViolation).fields).toEqual({ giverPersonId: 'Choose a person from the list.' });
		const gone = await register({
			giverOrganizationId: String(ids.iom),
			recipientOrganizationId: String(ids.sms),
			eventId: '999999'
		}).catch((e: unknown) => e);
		expect((gone as RuleViolation).fields).toEqual({ eventId: 'That event is gone.' });
		expect(await handle.db.selectFrom('gift').select('id').execute()).toEqual(before);
	});

	test('an edit is saved and audited; a save from an older version is refused with theirs', async () => {
		const { values } = (await findGiftForm(handle.db, ids.tray!))!;
		const input = GiftInput.parse({ ...values, disposition: 'declared', dispositionOn: '2026-12-20' });
		await reviseGift(handle.db, officer, ids.tray!, Number(values.version), input);
		const stale = await reviseGift(
			handle.db,
			otherOfficer,
			ids.tray!,
			Number(values.version),
			GiftInput.parse({ ...values, disposition: 'returned' })
		).catch((e: unknown) => e);
		expect(stale).toBeInstanceOf(StaleRecord);
		const { gift } = (await findGiftPage(handle.db, ids.tray!))!;
		expect(gift).toMatchObject({ disposition: 'declared', dispositionOn: '20 December 2026', version: 2 });
		const update = await handle.db
			.selectFrom('audit_entry')
			.select(['before_json', 'after_json'])
			.where('action', '=', 'gift.update')
			.executeTakeFirstOrThrow();
		expect(JSON.stringify(update)).toContain('declared');
	});

	test('the event it was given at is set and cleared from its page; audited; a gone event is refused', async () => {
		await setGiftEvent(handle.db, officer, ids.tray!, null);
		expect((await findGiftPage(handle.db, ids.tray!))!.gift.event).toBeNull();
		await setGiftEvent(handle.db, officer, ids.tray!, ids.visit!);
		expect((await findGiftPage(handle.db, ids.tray!))!.gift.event?.id).toBe(ids.visit);
		await expect(setGiftEvent(handle.db, officer, ids.tray!, 999999)).rejects.toBeInstanceOf(NotFound);
		await expect(setGiftEvent(handle.db, officer, 999999, null)).rejects.toBeInstanceOf(NotFound);
		const actions = await handle.db
			.selectFrom('audit_entry')
			.select('action')
			.where('action', '=', 'gift.set_event')
			.execute();
		expect(actions).toHaveLength(2);
	});

	test('a photograph is kept in the file store, replaced and removed; content a letter shares stays', async () => {
		const letter = (await insertCorrespondence(handle.db, { subject: 'Thank-you letter' })).id;
		await attachCorrespondenceFile(
			handle.db,
			officer,
			letter,
			await upload(pngFile(), 'tray.png'),
			LIMIT,
			storage
		);
		const [shared] = await listFilesOfCorrespondence(handle.db, letter);

		// Not an image: refused beside the field, nothing kept or staged.
		const refusal = await attachGiftPhoto(
			handle.db,
			officer,
			ids.tray!,
			await upload(pdfFile(), 'photo.png'),
			LIMIT,
			storage
		).catch((e: unknown) => e);
		expect((refusal as RuleViolation).fields).toEqual({
			photo: 'This file is not a JPEG or PNG image, whatever its name says. Choose a photograph.'
		});
		expect(readdirSync(storage.stagingDirectory)).toEqual([]);

		await attachGiftPhoto(
			handle.db,
			officer,
			ids.tray!,
			await upload(pngFile(), 'Tray photo.PNG'),
			LIMIT,
			storage
		);
		const photo = (await findGiftPhoto(handle.db, ids.tray!, storage))!;
		expect(photo).toMatchObject({ name: 'Tray photo.png', contentType: 'image/png', size: pngFile().length });
		photo.content.destroy();
		expect((await findGiftPage(handle.db, ids.tray!))!.gift.photo).toEqual({
			name: 'Tray photo.png',
			size: pngFile().length
		});

		// The letter's file goes: the photograph still holds the content.
		await removeCorrespondenceFile(handle.db, officer, letter, shared!.id, storage);
		expect(await storage.exists(shared!.sha256)).toBe(true);
		await removeGiftPhoto(handle.db, officer, ids.tray!, storage);
		expect(await storage.exists(shared!.sha256)).toBe(false);
		expect(await findGiftPhoto(handle.db, ids.tray!, storage)).toBeNull();
		expect(stored()).toEqual([]);
		const actions = await handle.db
			.selectFrom('audit_entry')
			.select('action')
			.where('entity_type', '=', 'gift')
			.where('action', 'in', ['gift.attach_photo', 'gift.remove_photo'])
			.orderBy('id')
			.execute();
		expect(actions.map((a) => a.action)).toEqual(['gift.attach_photo', 'gift.remove_photo']);
	});

	test("a year's report lists what a person or organisation received and gave, values added per currency", async () => {
		const given = await register({
			direction: 'given',
			givenOn: '2026-06-20',
			giverPersonId: String(ids.chief),
			giverOrganizationId: String(ids.sms),
			recipientPersonId: String(ids.swing),
			description: 'A carpet from Guba',
			value: '800',
			currency: 'AZN'
		});
		const another = await register({
			givenOn: '2026-03-01',
			giverOrganizationId: String(ids.iom),
			recipientPersonId: String(ids.chief),
			description: 'A book on migration',
			value: '40',
			currency: 'USD'
		});
		await register({
			givenOn: '2025-12-18',
			giverOrganizationId: String(ids.iom),
			recipientPersonId: String(ids.chief),
			description: 'Last year',
			value: '5',
			currency: 'USD'
		});
		const report = await getGiftReport(handle.db, { year: 2026, personId: ids.chief });
		expect(report.party).toEqual({ kind: 'person', id: ids.chief, name: 'Mr Vusal Huseynov' });
		expect(report.received.map((g) => g.id)).toEqual([another, ids.tray]);
		expect(report.given.map((g) => g.id)).toEqual([given]);
		expect(report.totals).toEqual({ received: ['USD\u00a01,240.50'], given: ['AZN\u00a0800.00'] });

		const iom = await getGiftReport(handle.db, { year: 2026, organizationId: ids.iom });
		expect(iom.received).toEqual([]);
		expect(iom.given.map((g) => g.id)).toEqual([another, ids.tray]);
		// Nobody chosen, or nobody by that id: no rows.
		expect((await getGiftReport(handle.db, { year: 2026 })).party).toBeNull();
		expect((await getGiftReport(handle.db, { year: 2026, personId: 999999 })).party).toBeNull();

		const csv = await getGiftReportCsv(handle.db, { year: 2026, personId: ids.chief });
		expect(csv.name).toBe(`gifts-2026-person-${ids.chief}.csv`);
		let text = '';
		for await (const chunk of csv.content) text += String(chunk);
		const lines = text
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(lines[0]).toBe(
			'Date,Received or given,From,To,Description,Estimated value,Event,What became of it'
		);
		expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([
			'2026-03-01',
			'2026-12-18',
			'2026-06-20'
		]);
		expect(text).toContain('A carpet from Guba');
	});

	test('the register pages latest first, filtered by year, direction and what became of it', async () => {
		const page = async (filter: object, limit = 50) =>
			(await getGiftRegister(handle.db, { ...filter, page: { limit } })).gifts;
		expect((await page({})).items.map((g) => g.givenOn)).toEqual([
			'2026-12-18',
			'2026-06-20',
			'2026-03-01',
			'2025-12-18'
		]);
		expect((await page({ year: 2025 })).items.map((g) => g.description)).toEqual(['Last year']);
		expect((await page({ direction: 'given' })).items.map((g) => g.description)).toEqual([
			'A carpet from Guba'
		]);
		expect((await page({ disposition: 'declared' })).items.map((g) => g.id)).toEqual([ids.tray]);
		const first = await page({}, 2);
		expect(first.items).toHaveLength(2);
		expect(first.next).toBeTruthy();
	});
});
