/**
 * Correspondence on both engines: direction and threads (in reply to, transmits), a reference number
 * unique per sender, the register's filters and its CSV, and the files a document encloses — staged,
 * typed from their content, kept under their SHA-256, removed again — with nothing left behind by a
 * refusal. And the register and a document's page cost the same on ten times the data.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { correspondenceRegisterCsv } from '$lib/server/correspondence/correspondence.csv';
import {
	attachCorrespondenceFile,
	findCorrespondenceFileDownload,
	removeCorrespondenceFile
} from '$lib/server/correspondence/correspondence-file.service';
import {
	CorrespondenceInput,
	emptyCorrespondenceForm,
	type CorrespondenceFormValues
} from '$lib/server/correspondence/correspondence.input';
import {
	createCorrespondence,
	findCorrespondenceForm,
	findCorrespondencePage,
	listCorrespondencePage,
	listCorrespondenceRegister,
	reviseCorrespondence
} from '$lib/server/correspondence/correspondence.service';
import type { CorrespondenceFilter } from '$lib/server/correspondence/correspondence.repository';
import type { CorrespondenceListItem } from '$lib/server/correspondence/correspondence.view';
import { RuleViolation } from '$lib/server/errors';
import { stageFile } from '$lib/server/files/file.staging';
import { localFileStorage, type FileStorage } from '$lib/server/files/file.storage';
import type { Upload } from '$lib/server/files/file.upload';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { docxFile, htmlPage, jpegFile, odtFile, pdfFile, plainZip, pngFile } from '../helpers/documents';
import { insertOrganization } from '../helpers/factories';

const LIMIT = 64 * 1024;

describeEachEngine('correspondence threads and files', (engine) => {
	let handle: TestDatabase;
	let filesDir: string;
	let storage: FileStorage;
	const ids: Record<string, number> = {};

	const register = (values: Partial<CorrespondenceFormValues>) =>
		createCorrespondence(
			handle.db,
			officer,
			CorrespondenceInput.parse({ ...emptyCorrespondenceForm(), subject: 'A letter', ...values })
		);
	const refusal = (promise: Promise<unknown>) =>
		promise.then(
			() => null,
			(e: unknown) => e as RuleViolation
		);
	const upload = async (content: Buffer, name: string): Promise<Upload> => ({
		file: { staged: await stageFile(Readable.from([content]), storage.stagingDirectory, LIMIT), name },
		problem: null
	});
	const storedFiles = () =>
		readdirSync(filesDir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => entry.name);
	const page = async (filter: CorrespondenceFilter) =>
		(await listCorrespondencePage(handle.db, { ...filter, page: { limit: 50 } })).items.map((i) => i.id);

	beforeAll(async () => {
		handle = await engine.open();
		filesDir = mkdtempSync(join(tmpdir(), 'protokol-files-'));
		storage = localFileStorage(filesDir);
		ids.sms = (await insertOrganization(handle.db, { name: 'State Migration Service', acronym: 'SMS' })).id;
		ids.iom = (
			await insertOrganization(handle.db, {
				name: 'International Organization for Migration',
				acronym: 'IOM'
			})
		).id;
		ids.mission = (
			await insertOrganization(handle.db, { name: 'Permanent Mission in Geneva', acronym: null })
		).id;
		ids.letter = await register({
			direction: 'outgoing',
			kind: 'letter',
			referenceNumber: '09/1502',
			datedOn: '2021-09-02',
			senderOrganizationId: String(ids.sms),
			recipientOrganizationId: String(ids.iom),
			subject: 'Champion countries'
		});
		ids.note = await register({
			direction: 'outgoing',
			kind: 'note_verbale',
			referenceNumber: '0451/13/21/26',
			datedOn: '2021-09-17',
			senderOrganizationId: String(ids.mission),
			recipientOrganizationId: String(ids.iom),
			transmitsId: String(ids.letter),
			subject: 'Transmission of the letter'
		});
		ids.invitation = await register({
			direction: 'incoming',
			kind: 'invitation',
			referenceNumber: 'IOM/2022/17',
			datedOn: '2022-03-01',
			senderOrganizationId: String(ids.iom),
			recipientOrganizationId: String(ids.sms),
			replyExpected: 'on',
			subject: 'Invitation to the IMRF debrief'
		});
	});
	afterAll(async () => {
		await handle?.cleanup();
		if (filesDir) rmSync(filesDir, { recursive: true, force: true });
	});

	test('the note verbale transmits the letter, and both pages say so', async () => {
		const note = (await findCorrespondencePage(handle.db, ids.note!))!;
		expect(note.transmits).toMatchObject({ id: ids.letter, referenceNumber: '09/1502' });
		expect(note.directionLabel).toBe('Outgoing');
		const letter = (await findCorrespondencePage(handle.db, ids.letter!))!;
		expect(letter.transmittedBy.map((d) => d.id)).toEqual([ids.note]);
	});

	test('a reply answers an earlier document, never itself or a later one', async () => {
		const early = await refusal(
			register({
				direction: 'outgoing',
				kind: 'letter',
				datedOn: '2022-02-01',
				inReplyToId: String(ids.invitation)
			})
		);
		expect(early!.fields.inReplyToId).toBe('A reply cannot be dated before the document it answers.');
		const current = (await findCorrespondenceForm(handle.db, ids.letter!))!;
		const itself = await refusal(
			reviseCorrespondence(
				handle.db,
				officer,
				ids.letter!,
				Number(current.values.version),
				CorrespondenceInput.parse({ ...current.values, transmitsId: String(ids.letter) })
			)
		);
		expect(itself!.fields.transmitsId).toBe('A document cannot transmit itself.');
		// The form names only the documents its thread fields hold; any other is found by its chooser.
		const named = [current.values.inReplyToId, current.values.transmitsId].filter(Boolean).map(Number);
		expect((current.choices.named.correspondence ?? []).map((c) => c.id)).toEqual(named);
	});

	test('a sender uses a reference number once; the refusal names the document that has it', async () => {
		const duplicate = await refusal(
			register({
				direction: 'outgoing',
				kind: 'letter',
				referenceNumber: '09/1502',
				datedOn: '2021-10-01',
				senderOrganizationId: String(ids.sms)
			})
		);
		expect(duplicate!.fields.referenceNumber).toBe(
			'State Migration Service (SMS) used this reference number already, on “Champion countries” (letter of 2 September 2021).'
		);
		expect(duplicate!.fields.duplicateOf).toBe(String(ids.letter));
		// Another sender may have the same number, and saving a document again keeps its own.
		await register({
			direction: 'incoming',
			kind: 'letter',
			referenceNumber: '09/1502',
			datedOn: '2021-10-01',
			senderOrganizationId: String(ids.iom)
		});
		const own = (await findCorrespondenceForm(handle.db, ids.letter!))!;
		await reviseCorrespondence(
			handle.db,
			officer,
			ids.letter!,
			Number(own.values.version),
			CorrespondenceInput.parse({ ...own.values, summary: 'Azerbaijan joins.' })
		);
		const row = await handle.db
			.insertInto('correspondence')
			.values({
				kind: 'letter',
				sender_organization_id: ids.sms!,
				reference_number: '09/1502',
				dated_on: '2021-09-03',
				subject: 'Past the service',
				created_at: '2021-09-03T00:00:00.000Z',
				updated_at: '2021-09-03T00:00:00.000Z'
			})
			.execute()
			.then(
				() => 'written',
				() => 'refused by the unique index'
			);
		expect(row).toBe('refused by the unique index');
	});

	test('an incoming document that needs a reply awaits one until a reply is registered', async () => {
		expect(await page({ awaitingReply: true })).toEqual([ids.invitation]);
		expect((await findCorrespondencePage(handle.db, ids.invitation!))!.awaitingReply).toBe(true);
		const outgoing = CorrespondenceInput.safeParse({
			...emptyCorrespondenceForm(),
			direction: 'outgoing',
			kind: 'letter',
			datedOn: '2022-03-02',
			subject: 'Reply',
			replyExpected: 'on'
		});
		expect(outgoing.error!.issues[0]).toMatchObject({ path: ['replyExpected'] });
		const reply = await register({
			direction: 'outgoing',
			kind: 'letter',
			datedOn: '2022-03-10',
			senderOrganizationId: String(ids.sms),
			recipientOrganizationId: String(ids.iom),
			inReplyToId: String(ids.invitation),
			subject: 'We shall attend'
		});
		expect(await page({ awaitingReply: true })).toEqual([]);
		const invitation = (await findCorrespondencePage(handle.db, ids.invitation!))!;
		expect(invitation.awaitingReply).toBe(false);
		expect(invitation.replies.map((r) => r.id)).toEqual([reply]);
		await handle.db.deleteFrom('correspondence').where('id', '=', reply).execute();
	});

	test('the register filters by year, direction, kind and organisation', async () => {
		expect(await page({ year: 2022 })).toEqual([ids.invitation]);
		expect(await page({ year: 2021, direction: 'outgoing', kind: 'note_verbale' })).toEqual([ids.note]);
		expect(await page({ organizationId: ids.mission })).toEqual([ids.note]);
		expect(await page({ direction: 'incoming', organizationId: ids.sms, year: 2022 })).toEqual([
			ids.invitation
		]);
	});

	test('the CSV holds every document the filters select, page after page, in the register order', async () => {
		const pages: CorrespondenceListItem[][] = [];
		for await (const p of listCorrespondenceRegister(handle.db, { year: 2021 }, 2)) pages.push(p);
		expect(pages.map((p) => p.length)).toEqual([2, 1]);
		const csv = await new Response(
			Readable.toWeb(
				correspondenceRegisterCsv(
					listCorrespondenceRegister(handle.db, { year: 2021 }, 2),
					'https://protokol.test'
				)
			) as ReadableStream
		).text();
		const lines = csv
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(lines[0]).toBe('Reference,Date,Direction,Kind,From,To,Place,Subject,Awaiting reply,Link');
		expect(lines).toHaveLength(4);
		expect(lines[1]).toMatch(
			/^09\/1502,2021-10-01,Incoming,Letter,International Organization for Migration \(IOM\),/
		);
		expect(lines[2]).toBe(
			`0451/13/21/26,2021-09-17,Outgoing,Note verbale,Permanent Mission in Geneva,International Organization for Migration (IOM),,Transmission of the letter,,https://protokol.test/correspondence/${ids.note}`
		);
	});

	test('each kind of document is attached, typed from its content, and read back byte for byte', async () => {
		const kinds: [Buffer, string, string][] = [
			[pdfFile(), 'note.pdf', 'application/pdf'],
			[pngFile(), 'stamp.png', 'image/png'],
			[jpegFile(), 'photo.jpeg', 'image/jpeg'],
			[docxFile(), 'letter.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
			// Named .docx, but its content is an OpenDocument text: the content decides.
			[odtFile(), 'letter.docx', 'application/vnd.oasis.opendocument.text']
		];
		for (const [content, name] of kinds) {
			await attachCorrespondenceFile(
				handle.db,
				officer,
				ids.note!,
				await upload(content, name),
				LIMIT,
				storage
			);
		}
		const files = (await findCorrespondencePage(handle.db, ids.note!))!.files;
		expect(files.map((f) => [f.name, f.contentType])).toEqual([
			['note.pdf', 'application/pdf'],
			['stamp.png', 'image/png'],
			['photo.jpg', 'image/jpeg'],
			['letter.docx', kinds[3]![2]],
			['letter.odt', kinds[4]![2]]
		]);
		const pdf = files[0]!;
		const download = (await findCorrespondenceFileDownload(handle.db, ids.note!, pdf.id, storage))!;
		const chunks: Buffer[] = [];
		for await (const chunk of download.content) chunks.push(chunk as Buffer);
		expect(Buffer.concat(chunks).equals(pdfFile())).toBe(true);
		expect(pdf.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(existsSync(join(filesDir, pdf.sha256.slice(0, 2), pdf.sha256))).toBe(true);
		expect(readdirSync(storage.stagingDirectory)).toEqual([]);
	});

	test('hostile uploads are refused beside the field, leaving no row, no file and nothing staged', async () => {
		const before = storedFiles().length;
		const cases: [Upload | Promise<Upload>, string][] = [
			[
				upload(htmlPage(), 'invoice.pdf'),
				'This file is not a PDF, DOCX, ODT, JPEG or PNG document, whatever its name says. Choose one of those.'
			],
			[
				upload(plainZip(), 'archive.docx'),
				'This file is not a PDF, DOCX, ODT, JPEG or PNG document, whatever its name says. Choose one of those.'
			],
			[upload(Buffer.alloc(0), 'empty.pdf'), 'The file is empty.'],
			[
				upload(Buffer.concat([pdfFile(), Buffer.alloc(LIMIT)]), 'large.pdf'),
				'The file is larger than 64 kB, the most Protokol accepts.'
			],
			[upload(pdfFile(), 'note.pdf'), 'This document encloses that file already, as “note.pdf”.'],
			[{ file: null, problem: null }, 'Choose a file to attach.'],
			[{ file: null, problem: 'too-large' }, 'The file is larger than 64 kB, the most Protokol accepts.']
		];
		for (const [attempt, message] of cases) {
			const refused = await refusal(
				attachCorrespondenceFile(handle.db, officer, ids.note!, await attempt, LIMIT, storage)
			);
			expect(refused!.fields.file).toBe(message);
		}
		expect((await findCorrespondencePage(handle.db, ids.note!))!.files).toHaveLength(5);
		expect(storedFiles()).toHaveLength(before);
		expect(readdirSync(storage.stagingDirectory)).toEqual([]);
	});

	test('a path in the name is only a name: the file is stored under its hash', async () => {
		await attachCorrespondenceFile(
			handle.db,
			officer,
			ids.letter!,
			await upload(pdfFile('Annex'), '../../../etc/passwd\u0000.pdf'),
			LIMIT,
			storage
		);
		const [file] = (await findCorrespondencePage(handle.db, ids.letter!))!.files;
		expect(file!.name).toBe('passwd.pdf');
		expect(existsSync(join(filesDir, file!.sha256.slice(0, 2), file!.sha256))).toBe(true);
	});

	test('removing a file is audited; its content goes once no document encloses it', async () => {
		await attachCorrespondenceFile(
			handle.db,
			officer,
			ids.invitation!,
			await upload(pngFile(), 'same.png'),
			LIMIT,
			storage
		);
		const note = (await findCorrespondencePage(handle.db, ids.note!))!.files;
		const png = note.find((f) => f.contentType === 'image/png')!;
		await removeCorrespondenceFile(handle.db, officer, ids.note!, png.id, storage);
		expect(await storage.exists(png.sha256)).toBe(true);
		const [shared] = (await findCorrespondencePage(handle.db, ids.invitation!))!.files;
		await removeCorrespondenceFile(handle.db, officer, ids.invitation!, shared!.id, storage);
		expect(await storage.exists(png.sha256)).toBe(false);
		const again = await removeCorrespondenceFile(
			handle.db,
			officer,
			ids.invitation!,
			shared!.id,
			storage
		).catch((e: unknown) => e);
		expect((again as Error).message).toBe('That file is no longer enclosed; someone may have removed it.');
		const audit = await handle.db
			.selectFrom('audit_entry')
			.select(['action', 'entity_id', 'before_json'])
			.where('action', '=', 'correspondence.remove_file')
			.orderBy('id')
			.execute();
		expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
			['correspondence.remove_file', ids.note],
			['correspondence.remove_file', ids.invitation]
		]);
		expect(JSON.parse(audit[0]!.before_json!)).toMatchObject({ name: 'stamp.png', sha256: png.sha256 });
	});
});

describeEachEngine('what the register and a document cost', (engine) => {
	const handles: TestDatabase[] = [];
	const counters: { queries: number }[] = [];
	const firsts: number[] = [];

	beforeAll(async () => {
		for (const size of [5, 50]) {
			const counter = { queries: 0 };
			const handle = await engine.open({ onQuery: () => counter.queries++ });
			const sender = await insertOrganization(handle.db);
			const now = new Date().toISOString();
			let previous: number | null = null;
			for (let i = 0; i < size; i++) {
				const row: { id: number } = await handle.db
					.insertInto('correspondence')
					.values({
						kind: 'letter',
						direction: i % 2 ? 'incoming' : 'outgoing',
						reply_expected: i % 2 ? 1 : 0,
						in_reply_to_id: previous,
						transmits_id: previous,
						sender_organization_id: sender.id,
						reference_number: `R/${i}`,
						dated_on: `2021-01-${String((i % 28) + 1).padStart(2, '0')}`,
						subject: `Letter ${i}`,
						created_at: now,
						updated_at: now
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				previous = row.id;
				if (i === 0) firsts.push(row.id);
			}
			handles.push(handle);
			counters.push(counter);
		}
	});
	afterAll(async () => {
		for (const handle of handles) await handle.cleanup();
	});

	test('the same number of queries on ten times the data', async () => {
		const counts = async (run: (handle: TestDatabase, index: number) => Promise<unknown>) => {
			const result: number[] = [];
			for (const [index, handle] of handles.entries()) {
				counters[index]!.queries = 0;
				await run(handle, index);
				result.push(counters[index]!.queries);
			}
			return result;
		};
		const register = await counts((h) =>
			listCorrespondencePage(h.db, {
				direction: 'incoming',
				awaitingReply: true,
				year: 2021,
				page: { limit: 25 }
			})
		);
		expect(register).toEqual([1, 1]);
		const document = await counts((h, i) => findCorrespondencePage(h.db, firsts[i]!));
		expect(document[1]).toBe(document[0]);
		expect(document[0]).toBeLessThanOrEqual(5);
	});
});
