/**
 * No page embeds a whole table: against the built server with the demo data, every form and list page
 * that chooses people, organisations, letters or venues is fetched, then 1 500 of each are added, and
 * every page is fetched again — its size stays within a small margin and none of the added names is in
 * it. The choosers' JSON endpoint answers at most 20, found by a prefix and across scripts; a form posted
 * without JavaScript is resolved by the name typed, or refused beside the field with the candidates.
 */
import { sortKey } from '$lib/format/collation';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { demoEventId, demoOrganizationId, demoPersonId } from '../helpers/demo-records';
import { postForm, withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

const ADDED = 1_500;
/** In every added name, and in no name of the demo data. */
const MARK = 'Zolgen';

let server: RunningServer;
let officer: string;
let pages: string[] = [];
const before = new Map<string, string>();

const get = async (path: string) => {
	const response = await fetch(`${server.url}${path}`, { headers: { cookie: officer }, redirect: 'manual' });
	expect(response.status, path).toBe(200);
	return response.text();
};
const choose = async (kind: string, q: string) =>
	(await (
		await fetch(`${server.url}/choose/${kind}?q=${encodeURIComponent(q)}`, { headers: { cookie: officer } })
	).json()) as {
		id: number;
		label: string;
	}[];

/** Bulk rows, `ADDED` of them, in statements of 500 (the search triggers note each row). */
function many<T>(make: (i: number) => T): T[][] {
	const rows = Array.from({ length: ADDED }, (_, i) => make(i));
	return Array.from({ length: Math.ceil(ADDED / 500) }, (_, k) => rows.slice(k * 500, k * 500 + 500));
}

beforeAll(async () => {
	server = await startServer();
	officer = await signInOverHttp(server, await addUser(server.databaseUrl, 'officer'));
	pages = await withDatabase(server.databaseUrl, async (db) => {
		const eventId = await demoEventId(db, 'International Migrants Day 2021');
		const personId = await demoPersonId(db, 'Huseynov');
		const organizationId = await demoOrganizationId(db, 'IOM');
		const first = async (table: 'correspondence' | 'outcome' | 'agreement' | 'project') =>
			(await db.selectFrom(table).select('id').orderBy('id').executeTakeFirstOrThrow()).id;
		return [
			'/events',
			'/events/new',
			`/events/${eventId}/edit`,
			`/events/${eventId}/duplicate`,
			`/events/${eventId}/participants`,
			// The directory and the register list their own records a page at a time: filtered here to
			// what the added ones are not.
			`/people?organization=${organizationId}`,
			'/people/new',
			`/people/${personId}/edit`,
			`/people/${personId}/positions`,
			'/organizations/new',
			`/organizations/${organizationId}/edit`,
			'/calendar?year=2021&month=12',
			'/correspondence?year=2021',
			'/correspondence/new',
			`/correspondence/${await first('correspondence')}/edit`,
			`/outcomes/new?event=${eventId}`,
			`/outcomes/${await first('outcome')}/edit`,
			'/agreements',
			'/agreements/new',
			`/agreements/${await first('agreement')}/edit`,
			'/projects',
			'/projects/new',
			`/projects/${await first('project')}/edit`
		];
	});
	for (const path of pages) before.set(path, await get(path));

	await withDatabase(server.databaseUrl, async (db) => {
		const at = new Date().toISOString();
		const stamps = { created_at: at, updated_at: at };
		for (const rows of many((i) => ({
			name: `${MARK} Organisation ${i}`,
			sort_key: sortKey(`${MARK} Organisation ${i}`),
			kind: 'government_body' as const,
			...stamps
		})))
			await db.insertInto('organization').values(rows).execute();
		for (const rows of many((i) => ({
			honorific: 'Mr',
			given_name: 'Gen',
			// After every demo name, so that the directory's first page stays as it was.
			family_name: `${MARK}ov ${i}`,
			sort_key: sortKey(`${MARK}ov ${i}`, 'Gen'),
			...stamps
		})))
			await db.insertInto('person').values(rows).execute();
		for (const rows of many((i) => ({
			kind: 'letter' as const,
			// Within the years the demo letters span, so that the register's year filter stays as it was.
			dated_on: '2020-01-02',
			subject: `${MARK} letter ${i}`,
			reference_number: `${MARK}/${i}`,
			...stamps
		})))
			await db.insertInto('correspondence').values(rows).execute();
		for (const rows of many((i) => ({
			name: `${MARK} Hall ${i}`,
			sort_key: sortKey(`${MARK} Hall ${i}`),
			city: 'Baku',
			country_code: 'AZ',
			time_zone: 'Asia/Baku',
			...stamps
		})))
			await db.insertInto('venue').values(rows).execute();
	});
}, 120_000);
afterAll(async () => {
	await server?.stop();
});

describe('with 1 500 more organisations, people, letters and venues', () => {
	test('no form or list page grows, and none names an added record', async () => {
		for (const path of pages) {
			const html = await get(path);
			const size = before.get(path)!.length;
			expect(Math.abs(html.length - size), `${path}: ${size} → ${html.length} bytes`).toBeLessThan(
				Math.max(400, size * 0.01)
			);
			expect(html, path).not.toContain(MARK);
		}
	});

	test('the chooser endpoint answers at most 20, found by a prefix of any word', async () => {
		for (const kind of ['organization', 'person', 'correspondence', 'venue']) {
			const found = await choose(kind, MARK.slice(0, 4));
			expect(found, kind).toHaveLength(20);
			expect(found.every((f) => f.label.includes(MARK))).toBe(true);
		}
		expect(
			(await choose('organization', `${MARK.toLowerCase()} organisation 1499`)).map((f) => f.label)
		).toEqual([`${MARK} Organisation 1499`]);
		expect((await choose('correspondence', `${MARK}/1499`)).map((f) => f.label)).toEqual([
			`${MARK}/1499 · ${MARK} letter 1499`
		]);
	});

	test('a name typed in Cyrillic finds its Latin spelling, and the other way round', async () => {
		expect((await choose('person', 'Гусейн')).map((f) => f.label)).toContain('Mr Vusal Huseynov');
		const cyrillic = await choose('person', 'Золге');
		expect(cyrillic).toHaveLength(20);
		expect(cyrillic.every((f) => f.label.includes(MARK))).toBe(true);
	});

	test('a kind that is not chosen by name is not there, and anonymous callers are sent to sign in', async () => {
		const unknown = await fetch(`${server.url}/choose/user?q=a`, { headers: { cookie: officer } });
		expect(unknown.status).toBe(404);
		const anonymous = await fetch(`${server.url}/choose/person?q=hus`, { redirect: 'manual' });
		expect(anonymous.status).toBeGreaterThanOrEqual(300);
		expect(anonymous.status).toBeLessThan(400);
	});
});

describe('a form posted without JavaScript chooses by the name typed', () => {
	const newPerson = (organizationText: string, extra: Record<string, string> = {}) => ({
		honorific: 'Ms',
		givenName: 'Leyla',
		familyName: `Chooser${Math.random().toString(36).slice(2, 8)}`,
		nativeName: '',
		position: '',
		rank: '',
		precedenceLevel: '',
		organizationId: '',
		organizationIdText: organizationText,
		email: '',
		phone: '',
		notes: '',
		...extra
	});

	test('a name naming one organisation is taken', async () => {
		const response = await postForm(server, '/people/new?/save', newPerson(`${MARK} Organisation 42`), {
			cookie: officer
		});
		expect(response.status).toBe(303);
		const personId = Number(response.headers.get('location')!.split('/').pop());
		const organization = await withDatabase(server.databaseUrl, (db) =>
			db
				.selectFrom('person')
				.innerJoin('organization', 'organization.id', 'person.organization_id')
				.select('organization.name')
				.where('person.id', '=', personId)
				.executeTakeFirstOrThrow()
		);
		expect(organization.name).toBe(`${MARK} Organisation 42`);
	});

	test('a name naming several is a 400 beside the field with them to pick, and the pick is taken', async () => {
		const twins = await withDatabase(server.databaseUrl, async (db) => {
			const ids = [];
			for (let i = 0; i < 2; i++) {
				const at = new Date().toISOString();
				const row = await db
					.insertInto('organization')
					.values({ name: 'Embassy of Twinland', kind: 'diplomatic_mission', created_at: at, updated_at: at })
					.returning('id')
					.executeTakeFirstOrThrow();
				ids.push(row.id);
			}
			return ids;
		});
		const refused = await postForm(server, '/people/new?/save', newPerson('Embassy of Twinland'), {
			cookie: officer
		});
		expect(refused.status).toBe(400);
		const html = await refused.text();
		expect(html).toContain('Several organisations are named “Embassy of Twinland”: choose one below.');
		for (const id of twins) expect(html).toContain(`name="organizationIdPick" value="${id}"`);
		const picked = await postForm(
			server,
			'/people/new?/save',
			newPerson('Embassy of Twinland', { organizationIdPick: String(twins[1]) }),
			{ cookie: officer }
		);
		expect(picked.status).toBe(303);
	});

	test('a name naming nothing is a 400 with its message, and hostile text is only text', async () => {
		for (const text of [
			'No Such Body Anywhere',
			'<script>alert(1)</script>',
			"' or 1=1 --",
			'x'.repeat(5000)
		]) {
			const response = await postForm(server, '/people/new?/save', newPerson(text), { cookie: officer });
			expect(response.status, text.slice(0, 20)).toBe(400);
			const html = await response.text();
			expect(html).toMatch(/No organisation is named/);
			expect(html).not.toContain('<script>alert(1)</script>');
		}
	});

	test('an event is created with a host and a venue typed by name', async () => {
		const response = await postForm(
			server,
			'/events/new?/save',
			[
				['kind', 'bilateral_meeting'],
				['title', 'Consultations chosen by name'],
				['start', '2031-05-05T10:00'],
				['end', '2031-05-05T11:00'],
				['timeZone', 'Asia/Baku'],
				['timing', 'exact'],
				['status', 'planned'],
				['venueId', ''],
				['venueIdText', `${MARK} Hall 7`],
				['hostText', `${MARK} Organisation 7`],
				['coHostText', ''],
				['version', '']
			],
			{ cookie: officer }
		);
		expect(response.status).toBe(303);
		const eventId = Number(response.headers.get('location')!.split('/').pop());
		const saved = await withDatabase(server.databaseUrl, (db) =>
			db
				.selectFrom('event')
				.innerJoin('venue', 'venue.id', 'event.venue_id')
				.innerJoin('event_organization as host', 'host.event_id', 'event.id')
				.innerJoin('organization', 'organization.id', 'host.organization_id')
				.select(['venue.name as venue', 'organization.name as host'])
				.where('event.id', '=', eventId)
				.execute()
		);
		expect(saved).toEqual([{ venue: `${MARK} Hall 7`, host: `${MARK} Organisation 7` }]);
	});
});
