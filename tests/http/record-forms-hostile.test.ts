/**
 * Hostile input on the record forms — people, organisations, outcomes, correspondence, venues, agreements
 * and projects — against
 * the built server: very long strings, control characters, markup, SQL metacharacters and a file where
 * text belongs, in every field. The answer is a 303 (stored as typed) or a 400 with a message beside a
 * field; never a 5xx, never a half-written record (a refusal stores nothing), and nothing typed comes
 * back unescaped.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { countRows } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

const HOSTILE: Record<string, string | (() => File)> = {
	long: 'x'.repeat(100_000),
	control: 'nul\u0000 esc\u001b',
	script: '<script>alert(1)</script>',
	attribute: '"><img src=x onerror=alert(1)>',
	sql: "'; drop table person; --",
	file: () => new File(['%PDF-1.4'], 'payload.pdf', { type: 'application/pdf' })
};

type Table = 'person' | 'organization' | 'outcome' | 'correspondence' | 'venue' | 'agreement' | 'project';

interface RecordForm {
	path: string;
	table: Table;
	/** A list posts once per choice (the parties of an agreement). */
	base: Record<string, string | string[]>;
	/** Posted with every case as it is. */
	always?: Record<string, string>;
}

const FORMS: RecordForm[] = [
	{
		path: '/people/new?/save',
		table: 'person',
		base: {
			honorific: 'Ms',
			givenName: 'Aysel',
			familyName: 'Mammadova',
			nativeName: '',
			position: 'Adviser',
			rank: '',
			precedenceLevel: '',
			organizationId: '',
			email: '',
			phone: '',
			notes: ''
		},
		// Each case adds her again: past the likely-duplicate check (tests/http/people-directory.test.ts).
		always: { someoneElse: 'on' }
	},
	{
		path: '/organizations/new?/save',
		table: 'organization',
		base: {
			name: 'Council of Europe',
			acronym: 'CoE',
			kind: 'international_organization',
			countryCode: 'FR',
			parentId: '',
			city: 'Strasbourg',
			website: 'https://www.coe.int',
			notes: ''
		}
	},
	{
		path: '/outcomes/new?/save',
		table: 'outcome',
		base: {
			eventId: '',
			kind: 'action_point',
			title: 'Send the draft roadmap',
			text: '',
			status: 'open',
			ownerPersonId: '',
			ownerOrganizationId: '',
			dueOn: '2027-01-15',
			signedOn: '',
			signedPlace: '',
			approvedOn: '',
			inForceOn: ''
		}
	},
	{
		path: '/correspondence/new?/save',
		table: 'correspondence',
		base: {
			direction: 'incoming',
			kind: 'letter',
			referenceNumber: '09/1502',
			datedOn: '2021-09-02',
			place: 'Baku',
			senderOrganizationId: '',
			recipientOrganizationId: '',
			signatoryPersonId: '',
			addresseePersonId: '',
			subject: 'Cooperation on labour migration',
			summary: ''
		}
	},
	{
		path: '/agreements/new?/save',
		table: 'agreement',
		base: {
			title: 'Agreement on labour migration',
			summary: '',
			parties: ['1', '2'],
			signedOn: '2016-12-08',
			signedUndated: '',
			signedPlace: 'Geneva',
			signedEventId: '',
			approvedOn: '2017-02-23',
			approvalAct: 'Decree of the President',
			inForceOn: '2017-03-02',
			inForceUntil: '',
			terminatedOn: ''
		}
	},
	{
		path: '/projects/new?/save',
		table: 'project',
		base: {
			title: 'Regional Training Center on Migration',
			programme: 'joint_project',
			state: 'ongoing',
			startOn: '2014',
			endOn: '',
			focalPersonId: '',
			partners: ['1'],
			description: '',
			agreementId: '1'
		}
	},
	{
		path: '/venues/new?/save',
		table: 'venue',
		base: {
			name: 'Zeytun Hall',
			address: '',
			city: 'Baku',
			countryCode: 'AZ',
			timeZone: 'Asia/Baku',
			notes: ''
		}
	}
];

let server: RunningServer;
let officer: string;

const count = (table: Table) => countRows(server.databaseUrl, table);

beforeAll(async () => {
	server = await startServer();
	officer = await signInOverHttp(server, await addUser(server.databaseUrl, 'officer'));
});
afterAll(async () => {
	await server?.stop();
});

for (const form of FORMS) {
	describe(form.path, () => {
		const cases = Object.keys(form.base).flatMap((field) =>
			Object.keys(HOSTILE).map((kind) => ({ field, kind }))
		);
		test.each(cases)('$field: $kind', async ({ field, kind }) => {
			const hostile = HOSTILE[kind]!;
			const data = new FormData();
			for (const [name, value] of Object.entries(form.base)) {
				if (name === field) data.append(name, typeof hostile === 'function' ? hostile() : hostile);
				else for (const one of [value].flat()) data.append(name, one);
			}
			for (const [name, value] of Object.entries(form.always ?? {})) data.append(name, value);
			const before = await count(form.table);
			const response = await fetch(`${server.url}${form.path}`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: server.url, accept: 'text/html', cookie: officer },
				body: data
			});
			const html = await response.text();
			expect([303, 400]).toContain(response.status);
			expect(await count(form.table)).toBe(before + (response.status === 303 ? 1 : 0));
			if (response.status === 400) expect(html).toMatch(/class="(error|form-error)"/);
			expect(html).not.toContain('<script>alert(1)</script>');
			expect(html).not.toContain('<img src=x onerror=alert(1)>');
		});
	});
}
