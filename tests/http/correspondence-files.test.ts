/**
 * A letter's files over HTTP, against the built server with a small FILE_SIZE_LIMIT: a real file of each
 * kind is attached as a browser without JavaScript sends it (multipart), listed with its SHA-256 and
 * downloaded back byte for byte with the headers that keep a browser from running it; hostile uploads —
 * an HTML page named .pdf, a file over the limit, one over the whole request limit, an empty one, a path
 * in the name — are answered 303 or 400 with a message, never a 5xx or a dropped connection, and leave
 * no row and no file. Also the register's CSV export and a reference number used twice by one sender.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { docxFile, htmlPage, jpegFile, odtFile, pdfFile, pngFile } from '../helpers/documents';
import { startServer, type RunningServer } from '../helpers/server';

const LIMIT = 256 * 1024;
const LETTER = 1; // the demo data's letter No 09/1502
const NOTE = 2; // the note verbale Ref 0451/13/21/26 that transmits it

let dir: string;
let filesDir: string;
let databaseUrl: string;
let server: RunningServer;
let officer: string;
let viewer: string;

async function fileRows(correspondenceId: number) {
	const handle = openDatabase(databaseUrl);
	try {
		return await handle.db
			.selectFrom('correspondence_file')
			.selectAll()
			.where('correspondence_id', '=', correspondenceId)
			.orderBy('id')
			.execute();
	} finally {
		await handle.close();
	}
}

/** Every file in the store, staging folder included. */
function stored(): string[] {
	return readdirSync(filesDir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => entry.name)
		.sort();
}

function attach(content: Buffer, name: string, options: { cookie?: string; enhanced?: boolean } = {}) {
	const data = new FormData();
	data.append('file', new Blob([new Uint8Array(content)]), name);
	const headers: Record<string, string> = { origin: server.url, accept: 'text/html' };
	if (options.cookie ?? officer) headers.cookie = options.cookie ?? officer;
	if (options.enhanced) Object.assign(headers, { 'x-sveltekit-action': 'true', accept: 'application/json' });
	return fetch(`${server.url}/correspondence/${LETTER}?/attach`, {
		method: 'POST',
		redirect: 'manual',
		headers,
		body: data
	});
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-files-http-'));
	filesDir = join(dir, 'files');
	databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl, env: { FILE_SIZE_LIMIT: '256K', FILES_DIR: filesDir } });
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
	viewer = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));
});
afterAll(async () => {
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('attaching a file of each kind and downloading it back', () => {
	const kinds: [string, Buffer, string, string][] = [
		['PDF', pdfFile(), 'Letter 09-1502.pdf', 'application/pdf'],
		['PNG', pngFile(), 'stamp.png', 'image/png'],
		['JPEG', jpegFile(), 'photo.jpg', 'image/jpeg'],
		[
			'DOCX',
			docxFile(),
			'draft.docx',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
		],
		['ODT', odtFile(), 'Nota şifahi.odt', 'application/vnd.oasis.opendocument.text']
	];

	test.each(kinds)('%s', async (_kind, content, name, type) => {
		const response = await attach(content, name);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/correspondence/${LETTER}#files`);
		const sha256 = createHash('sha256').update(content).digest('hex');
		const row = (await fileRows(LETTER)).find((r) => r.sha256 === sha256)!;
		expect(row).toMatchObject({ name, content_type: type, size: content.length });

		const page = await fetch(`${server.url}/correspondence/${LETTER}`, { headers: { cookie: viewer } });
		const html = await page.text();
		expect(html).toContain(sha256);
		expect(html).toContain(`/correspondence/${LETTER}/files/${row.id}`);

		const download = await fetch(`${server.url}/correspondence/${LETTER}/files/${row.id}`, {
			headers: { cookie: viewer }
		});
		expect(download.status).toBe(200);
		expect(download.headers.get('content-type')).toBe(type);
		expect(download.headers.get('x-content-type-options')).toBe('nosniff');
		expect(download.headers.get('content-disposition')).toBe(
			`attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`
		);
		expect(download.headers.get('cache-control')).toBe('private, no-store');
		expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);
	});

	test('nobody signed in gets a file, and a viewer may not attach one', async () => {
		const [row] = await fileRows(LETTER);
		const anonymous = await fetch(`${server.url}/correspondence/${LETTER}/files/${row!.id}`, {
			redirect: 'manual'
		});
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toMatch(/^\/login\?next=/);
		expect((await attach(pdfFile('viewer'), 'v.pdf', { cookie: viewer })).status).toBe(403);
		const before = (await fileRows(LETTER)).length;
		expect((await attach(pdfFile('anonymous'), 'a.pdf', { cookie: '' })).status).toBe(401);
		expect(await fileRows(LETTER)).toHaveLength(before);
	});
});

describe('hostile uploads', () => {
	const cases: [string, () => Buffer, string, RegExp][] = [
		['an HTML page named .pdf', htmlPage, 'invoice.pdf', /is not a PDF, DOCX, ODT, JPEG or PNG document/],
		['an empty file', () => Buffer.alloc(0), 'empty.pdf', /The file is empty\./],
		[
			'a file over FILE_SIZE_LIMIT',
			() => Buffer.concat([pdfFile(), Buffer.alloc(LIMIT)]),
			'large.pdf',
			/The file is larger than 256 kB/
		],
		[
			'a request over the whole body limit',
			() => Buffer.concat([pdfFile(), Buffer.alloc(3 * 1024 * 1024)]),
			'huge.pdf',
			/The file is larger than 256 kB/
		]
	];

	test.each(cases)(
		'%s is refused beside the field, leaving nothing behind',
		async (_case, content, name, message) => {
			const rows = (await fileRows(LETTER)).length;
			const files = stored();
			const response = await attach(content(), name);
			const html = await response.text();
			expect(response.status).toBe(400);
			expect(html).toMatch(message);
			expect(html).toContain('id="field-file-error"');
			expect(await fileRows(LETTER)).toHaveLength(rows);
			expect(stored()).toEqual(files);
		}
	);

	test('an enhanced submission gets the same refusal as data for the page', async () => {
		const response = await attach(htmlPage(), 'invoice.pdf', { enhanced: true });
		const body = (await response.json()) as { type: string; status: number; data: string };
		expect([body.type, body.status]).toEqual(['failure', 400]);
		expect(body.data).toContain('is not a PDF, DOCX, ODT, JPEG or PNG document');
	});

	test('a path in the name is only a name', async () => {
		const content = pdfFile('path');
		const response = await attach(content, '..\\..\\..\\etc/passwd.pdf');
		expect(response.status).toBe(303);
		const sha256 = createHash('sha256').update(content).digest('hex');
		expect((await fileRows(LETTER)).find((r) => r.sha256 === sha256)!.name).toBe('passwd.pdf');
		expect(stored()).toContain(sha256);
		expect(readdirSync(join(filesDir, '.incoming'))).toEqual([]);
	});

	test('removing a file takes it off the page and out of the store, audited', async () => {
		const content = pdfFile('to remove');
		await attach(content, 'remove me.pdf');
		const sha256 = createHash('sha256').update(content).digest('hex');
		const row = (await fileRows(LETTER)).find((r) => r.sha256 === sha256)!;
		const response = await fetch(`${server.url}/correspondence/${LETTER}?/detach`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: server.url,
				cookie: officer,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ fileId: String(row.id) })
		});
		expect(response.status).toBe(303);
		expect((await fileRows(LETTER)).map((r) => r.id)).not.toContain(row.id);
		expect(stored()).not.toContain(sha256);
		const handle = openDatabase(databaseUrl);
		try {
			const audit = await handle.db
				.selectFrom('audit_entry')
				.select(['action', 'actor_label', 'before_json'])
				.where('action', '=', 'correspondence.remove_file')
				.executeTakeFirstOrThrow();
			expect(JSON.parse(audit.before_json!)).toMatchObject({ name: 'remove me.pdf', sha256 });
		} finally {
			await handle.close();
		}
	});
});

describe('request sizes', () => {
	test('any other form larger than 512 KB is refused with a message, its body read to the end', async () => {
		for (const [path, cookie] of [
			['/login', ''],
			[`/correspondence/${LETTER}/edit?/save`, officer]
		] as const) {
			const response = await fetch(`${server.url}${path}`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					origin: server.url,
					accept: 'text/html',
					cookie,
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({ subject: 'x'.repeat(600 * 1024) })
			});
			expect(response.status).toBe(413);
			expect(await response.text()).toContain('A form may send at most 512 kB; this was larger.');
		}
	});
});

describe('the register', () => {
	test('both pages show that the note verbale transmits the letter', async () => {
		const letter = await (
			await fetch(`${server.url}/correspondence/${LETTER}`, { headers: { cookie: viewer } })
		).text();
		expect(letter).toMatch(/Transmitted by[\s\S]*0451\/13\/21\/26/);
		const note = await (
			await fetch(`${server.url}/correspondence/${NOTE}`, { headers: { cookie: viewer } })
		).text();
		expect(note).toMatch(/Transmits[\s\S]*09\/1502/);
	});

	test('the CSV export holds the filtered register under a name that says what it holds', async () => {
		const response = await fetch(`${server.url}/correspondence/export.csv?year=2021&direction=outgoing`, {
			headers: { cookie: viewer }
		});
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(
			'attachment; filename="correspondence-2021-outgoing.csv"'
		);
		const lines = (await response.text())
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(lines[0]).toBe('Reference,Date,Direction,Kind,From,To,Place,Subject,Awaiting reply,Link');
		expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
			'0451/13/21/26,2021-09-17,Outgoing,Note verbale',
			'09/1502,2021-09-02,Outgoing,Letter'
		]);
	});

	test('a reference number its sender used already is refused, naming and linking the document', async () => {
		const handle = openDatabase(databaseUrl);
		const letter = await handle.db
			.selectFrom('correspondence')
			.select('sender_organization_id')
			.where('id', '=', LETTER)
			.executeTakeFirstOrThrow();
		await handle.close();
		const response = await fetch(`${server.url}/correspondence/new?/save`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.url, cookie: officer, accept: 'text/html' },
			body: new URLSearchParams({
				direction: 'outgoing',
				kind: 'letter',
				referenceNumber: '09/1502',
				datedOn: '2021-10-01',
				senderOrganizationId: String(letter.sender_organization_id),
				subject: 'Another letter'
			})
		});
		const html = await response.text();
		expect(response.status).toBe(400);
		expect(html).toMatch(/used this reference number already, on “Azerbaijan(&#39;|')s intent/);
		expect(html).toContain(`href="/correspondence/${LETTER}"`);
	});
});
