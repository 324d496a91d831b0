/**
 * The read API keeps to its OpenAPI document: every path the document lists is fetched from the built
 * server on the demo data, with an officer's and a viewer's token, and each answer is validated against
 * the schema the document gives for it (JSON Schema 2020-12, with Ajv) — a list's first and second page,
 * a record, and the problems (400, 401, 404) as well. A path the server has and the document lacks fails.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addApiToken, bearer } from '../helpers/api-tokens';
import { demoEventId, demoPersonId } from '../helpers/demo-records';
import { withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

interface Operation {
	parameters: { name: string; in: 'path' | 'query'; schema: { enum?: string[] } }[];
	responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }>;
}
interface Document {
	openapi: string;
	servers: { url: string }[];
	paths: Record<string, { get: Operation }>;
	components: { schemas: Record<string, unknown> };
}

let dir: string;
let server: RunningServer;
let officerToken: string;
let viewerToken: string;
let document: Document;
let ajv: Ajv2020;
const ids: Record<string, number> = {};

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-openapi-'));
	const databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl });
	officerToken = await addApiToken(databaseUrl, 'officer');
	viewerToken = await addApiToken(databaseUrl, 'viewer');
	await withDatabase(databaseUrl, async (db) => {
		ids.eventId = await demoEventId(db, 'International Migrants Day 2021');
		ids.personId = await demoPersonId(db, 'Vitorino');
		const first = async (table: 'organization' | 'correspondence' | 'project') =>
			(await db.selectFrom(table).select('id').orderBy('id').executeTakeFirstOrThrow()).id;
		ids.organizationId = await first('organization');
		ids.correspondenceId = await first('correspondence');
		ids.projectId = await first('project');
		ids.outcomeId = (await db.selectFrom('outcome').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
	});
	const response = await fetch(`${server.url}/api/v1/openapi.json`, { headers: bearer(officerToken) });
	expect(response.status).toBe(200);
	document = (await response.json()) as Document;
	// The document as one schema resource, so that its components' $refs resolve inside it.
	ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
	ajv.addSchema({ $id: 'openapi.json', components: document.components });
}, 60_000);
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

function expectValid(reference: string, body: unknown) {
	const validate = ajv.getSchema(`openapi.json${reference}`);
	expect(validate, reference).toBeDefined();
	const valid = validate!(body);
	expect(validate!.errors ?? [], reference).toEqual([]);
	expect(valid).toBe(true);
}

const schemaOf = (operation: Operation, status: string, type: string) =>
	operation.responses[status]!.content![type]!.schema.$ref;

/** Small pages, so that a second page is read as well. */
const paged = (operation: Operation) =>
	operation.parameters.some((p) => p.name === 'limit') ? '?limit=2' : '';

const pathOf = (template: string) =>
	`/api/v1${template.replace(/\{(\w+)\}/g, (_, name: string) => String(ids[name]))}`;

test('is OpenAPI 3.1, and every answer of every path fits its schema, for either role', async () => {
	expect(document.openapi).toBe('3.1.0');
	// The check bites: an event without its title, or with a field the document does not name, fails.
	const events = ajv.getSchema('openapi.json#/components/schemas/EventListItemPage')!;
	expect(events({ items: [{ id: 1 }], next: null })).toBe(false);
	expect(events({ items: [], next: null, secret: 'x' })).toBe(false);
	expect(events({ items: [], next: null })).toBe(true);
	expect(Object.keys(document.paths).length).toBeGreaterThanOrEqual(12);
	for (const [template, { get }] of Object.entries(document.paths)) {
		for (const token of [officerToken, viewerToken]) {
			const response = await fetch(`${server.url}${pathOf(template)}${paged(get)}`, {
				headers: bearer(token)
			});
			expect(response.status, template).toBe(200);
			expect(response.headers.get('content-type')).toBe('application/json');
			const body = (await response.json()) as { next?: string | null };
			expectValid(schemaOf(get, '200', 'application/json'), body);
			if (body.next) {
				const second = await fetch(`${server.url}${body.next}`, { headers: bearer(token) });
				expect(second.status, body.next).toBe(200);
				expectValid(schemaOf(get, '200', 'application/json'), await second.json());
			}
		}
	}
});

test('every filter value the document lists is taken, and its answers fit', async () => {
	for (const [template, { get }] of Object.entries(document.paths)) {
		for (const parameter of get.parameters.filter((p) => p.in === 'query' && p.schema.enum)) {
			for (const value of parameter.schema.enum!) {
				const response = await fetch(`${server.url}${pathOf(template)}?${parameter.name}=${value}&limit=3`, {
					headers: bearer(viewerToken)
				});
				expect(response.status, `${template} ${parameter.name}=${value}`).toBe(200);
				expectValid(schemaOf(get, '200', 'application/json'), await response.json());
			}
		}
	}
});

test('the problems fit the document too: 400, 401 and 404', async () => {
	const problem = async (path: string, headers: Record<string, string>, status: number) => {
		const response = await fetch(`${server.url}${path}`, { headers });
		expect(response.status).toBe(status);
		expect(response.headers.get('content-type')).toBe('application/problem+json');
		const operation = document.paths['/events']!.get;
		expectValid(schemaOf(operation, String(status), 'application/problem+json'), await response.json());
	};
	await problem('/api/v1/events?cursor=x', bearer(viewerToken), 400);
	await problem('/api/v1/events', {}, 401);
	const record = document.paths['/events/{eventId}']!.get;
	const missing = await fetch(`${server.url}/api/v1/events/999999`, { headers: bearer(viewerToken) });
	expect(missing.status).toBe(404);
	expectValid(schemaOf(record, '404', 'application/problem+json'), await missing.json());
});

test('the document lists every API route the server has', () => {
	const root = fileURLToPath(new URL('../../src/routes/api/v1/', import.meta.url));
	const routes: string[] = [];
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder)) {
			const path = join(folder, entry);
			if (statSync(path).isDirectory()) walk(path);
			else if (entry === '+server.ts') routes.push(`/${relative(root, folder)}`.replace(/\/$/, ''));
		}
	};
	walk(root);
	const documented = Object.keys(document.paths).map((p) => p.replace(/\{(\w+)\}/g, '[$1=id]'));
	// The document itself and the catch-all 404 are not endpoints of the data.
	const endpoints = routes.filter((r) => r !== '/openapi.json' && r !== '/[...rest]');
	expect(endpoints.sort()).toEqual(documented.sort());
});
