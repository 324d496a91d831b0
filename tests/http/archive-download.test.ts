/**
 * The administrators' download of everything from the built server, as a browser without JavaScript
 * takes it: the Export page's form posts to /admin/export/archive, and the archive streams back as a
 * ZIP that npm run import accepts whole. Officers and viewers are refused, and the download is audited.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importArchive } from '$lib/server/archive/archive.import';
import { attachCorrespondenceFile } from '$lib/server/correspondence/correspondence-file.service';
import { stageFile } from '$lib/server/files/file.staging';
import { localFileStorage } from '$lib/server/files/file.storage';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { pdfFile } from '../helpers/documents';
import { postForm, withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

const SYSTEM = { userId: null, label: 'test setup', role: 'system' as const };

describe('downloading the archive of everything', () => {
	let dir: string;
	let server: RunningServer;
	const cookies: Record<string, string> = {};

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'protokol-archive-http-'));
		const databaseUrl = join(dir, 'protokol.db');
		server = await startServer({ databaseUrl, env: { FILES_DIR: join(dir, 'files') } });
		for (const role of ['viewer', 'officer', 'admin'] as const) {
			cookies[role] = await signInOverHttp(server, await addUser(databaseUrl, role));
		}
	});
	afterAll(async () => {
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	const exportsAudited = () =>
		withDatabase(server.databaseUrl, (db) =>
			db.selectFrom('audit_entry').select(['actor_label']).where('action', '=', 'export').execute()
		);

	test('the Export page offers it as a plain form', async () => {
		const response = await fetch(`${server.url}/admin/export`, { headers: { cookie: cookies.admin! } });
		expect(response.status).toBe(200);
		expect(await response.text()).toMatch(/<form method="POST" action="\/admin\/export\/archive">/);
	});

	test.each(['viewer', 'officer'])('a %s is refused, and nothing is recorded', async (role) => {
		const response = await postForm(server, '/admin/export/archive', {}, { cookie: cookies[role] });
		expect(response.status).toBe(403);
		expect(response.headers.get('content-type')).not.toMatch(/zip/);
		expect(await exportsAudited()).toEqual([]);
	});

	test('an administrator gets the whole archive, streamed, which imports into a new database', async () => {
		const response = await postForm(server, '/admin/export/archive', {}, { cookie: cookies.admin });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/zip');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="protokol-\d{4}-\d\d-\d\dT[\d-]+Z\.zip"$/
		);
		// Streamed: no length is known before the last byte is written.
		expect(response.headers.get('content-length')).toBeNull();
		const file = join(dir, 'download.zip');
		await pipeline(Readable.fromWeb(response.body as never), createWriteStream(file));

		const { manifest } = await importArchive(file, {
			databaseUrl: join(dir, 'imported.db'),
			filesDirectory: join(dir, 'imported-files')
		});
		const people = manifest.tables.find((table) => table.name === 'person')!;
		expect(people.rows).toBe(12);
		const users = manifest.tables.find((table) => table.name === 'user_account')!;
		expect(users.rows).toBe(3);
		expect(await exportsAudited()).toEqual([{ actor_label: 'admin@protokol.test' }]);
	});

	test('a download cancelled half-way stops the export, and the next one is whole', async () => {
		// A letter enclosing 40 MB that do not compress: more than any buffer on the way holds.
		await withDatabase(server.databaseUrl, async (db) => {
			const storage = localFileStorage(join(dir, 'files'));
			const content = Buffer.concat([pdfFile('Large enclosure'), randomBytes(40 * 2 ** 20)]);
			const staged = await stageFile(Readable.from([content]), storage.stagingDirectory, 2 ** 30);
			const upload = { file: { staged, name: 'large.pdf' }, problem: null };
			await attachCorrespondenceFile(db, SYSTEM, 1, upload, 2 ** 30, storage);
		});
		const response = await postForm(server, '/admin/export/archive', {}, { cookie: cookies.admin });
		expect(response.status).toBe(200);
		const reader = response.body!.getReader();
		await reader.read();
		await reader.cancel();
		await expect.poll(() => server.output(), { timeout: 10_000 }).toMatch(/the download was cancelled/);
		expect(server.output()).not.toMatch(/the export of everything failed/);

		const again = await postForm(server, '/admin/export/archive', {}, { cookie: cookies.admin });
		const file = join(dir, 'again.zip');
		await pipeline(Readable.fromWeb(again.body as never), createWriteStream(file));
		const { manifest } = await importArchive(file, {
			databaseUrl: join(dir, 'imported-again.db'),
			filesDirectory: join(dir, 'imported-again-files')
		});
		expect(manifest.tables.find((table) => table.name === 'person')!.rows).toBe(12);
	});
});
