/**
 * Personal links through the built server: an officer issues one on the person page; the link opens
 * that person's programme and nothing else; answers to invitations go through it; dead links and other
 * people's invitations are 404. Every answer keeps the token from other sites and from shared caches
 * (Referrer-Policy: same-origin — personal-page.headers.ts says why not no-referrer).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connection';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { insertEvent } from '../helpers/factories';
import { postForm } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let database: DatabaseHandle;
let officer: string;
let viewer: string;
let prenticeId: number;
/** Prentice's participation in an event a month ahead, which he may still answer. */
let upcomingParticipantId: number;
/** Someone else's participation in the same event. */
let otherParticipantId: number;

const TOKEN = /\/p\/([a-z2-7]{32}\.[a-z2-7]{32})/;

beforeAll(async () => {
	server = await startServer();
	const { databaseUrl } = server;
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
	viewer = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));

	database = openDatabase(databaseUrl);
	const { db } = database;
	const person = (family: string) =>
		db.selectFrom('person').select('id').where('family_name', '=', family).executeTakeFirstOrThrow();
	prenticeId = (await person('Prentice')).id;
	const otherId = (await person('Vitorino')).id;
	// The demo events are all in the past; one still to come gives something to answer.
	const start = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000);
	const event = await insertEvent(db, {
		title: 'Regional Consultation on the Global Compact',
		status: 'confirmed',
		start_at: start.toISOString(),
		end_at: new Date(start.getTime() + 3 * 60 * 60 * 1000).toISOString()
	});
	const now = new Date().toISOString();
	const participate = async (personId: number) =>
		(
			await db
				.insertInto('event_participant')
				.values({
					event_id: event.id,
					person_id: personId,
					role: 'speaker',
					created_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	upcomingParticipantId = await participate(prenticeId);
	otherParticipantId = await participate(otherId);
});
afterAll(async () => {
	await database?.close();
	await server?.stop();
});

/** A form posted as a browser without JavaScript posts it. */
const post = (path: string, fields: Record<string, string>, cookie?: string, accept = 'text/html') =>
	postForm(server, path, fields, { cookie, accept });

async function issueLink(personId = prenticeId): Promise<string> {
	const response = await post(`/people/${personId}?/issueLink`, { validDays: '90' }, officer);
	expect(response.status).toBe(200);
	const token = TOKEN.exec(await response.text())?.[1];
	if (!token) throw new Error('the answer shows no link');
	return token;
}

function expectLinkHeaders(response: Response) {
	expect(response.headers.get('referrer-policy')).toBe('same-origin');
	expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
	expect(response.headers.get('cache-control')).toBe('private, no-store');
}

async function rsvpOf(participantId: number) {
	return database.db
		.selectFrom('event_participant')
		.select(['rsvp_status', 'responded_at'])
		.where('id', '=', participantId)
		.executeTakeFirstOrThrow();
}

describe('a personal link', () => {
	let token: string;

	beforeAll(async () => {
		token = await issueLink();
	});

	test('is shown once to the officer, who then sees only that a live link exists', async () => {
		const page = await fetch(`${server.url}/people/${prenticeId}`, { headers: { cookie: officer } });
		const html = await page.text();
		expect(html).toContain('Personal link');
		expect(html).toContain('A live link works until');
		expect(html).not.toContain(token);
		expect(html).not.toContain(token.split('.')[1]);
	});

	test('opens the person’s own programme, with no Referer to other sites and no shared caching', async () => {
		const response = await fetch(`${server.url}/p/${token}`);
		expect(response.status).toBe(200);
		expectLinkHeaders(response);
		const html = await response.text();
		expect(html).toContain('Your programme, Mr Jonathan Prentice');
		expect(html).toContain('Regional Consultation on the Global Compact');
		expect(html).toContain('International Migrants Day 2021');
		// His own item, marked in words; other people's events are not there.
		expect(html).toMatch(
			/Champion Countries[^<]*(<!--[^>]*-->\s*)*<strong class="you[^"]*">You: Speaker<\/strong>/
		);
		expect(html).toMatch(/<li class="agenda-item[^"]* mine">(?:(?!<\/li>).)*Champion Countries/s);
		expect(html).not.toContain('Post-International Migration Review Forum Debrief');
		expect(html).not.toContain('107th Session of the IOM Council');
		// Nothing leads into the signed-in part of the app.
		expect(html).not.toMatch(/href="[./]*\/?(events|people|organizations|login|account)/);
	});

	test('takes an answer to an invitation from a plain form', async () => {
		const response = await post(`/p/${token}?/respond`, {
			participantId: String(upcomingParticipantId),
			status: 'declined'
		});
		expect(response.status).toBe(200);
		expectLinkHeaders(response);
		expect(await response.text()).toContain('your answer is saved');
		expect(await rsvpOf(upcomingParticipantId)).toMatchObject({ rsvp_status: 'declined' });
	});

	test('takes an answer from the enhanced form too, with the same headers', async () => {
		const response = await fetch(`${server.url}/p/${token}?/respond`, {
			method: 'POST',
			headers: {
				origin: server.url,
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ participantId: String(upcomingParticipantId), status: 'tentative' })
		});
		expect(response.status).toBe(200);
		expectLinkHeaders(response);
		expect(await response.json()).toMatchObject({ type: 'success' });
		expect(await rsvpOf(upcomingParticipantId)).toMatchObject({ rsvp_status: 'tentative' });
	});

	test('refuses an answer for someone else’s invitation with 404, changing nothing', async () => {
		const before = await rsvpOf(otherParticipantId);
		const response = await post(`/p/${token}?/respond`, {
			participantId: String(otherParticipantId),
			status: 'accepted'
		});
		expect(response.status).toBe(404);
		expectLinkHeaders(response);
		expect(await rsvpOf(otherParticipantId)).toEqual(before);
	});

	test('refuses an answer to a past event with 400 and says why', async () => {
		const past = await database.db
			.selectFrom('event_participant as p')
			.innerJoin('event', 'event.id', 'p.event_id')
			.select('p.id')
			.where('p.person_id', '=', prenticeId)
			.where('event.title', '=', 'International Migrants Day 2021')
			.executeTakeFirstOrThrow();
		const response = await post(`/p/${token}?/respond`, {
			participantId: String(past.id),
			status: 'accepted'
		});
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('This event is over');
		expect(await rsvpOf(past.id)).toMatchObject({ rsvp_status: 'attended' });
	});

	test('refuses hostile input with 400', async () => {
		const hostile: Record<string, string>[] = [
			{ participantId: String(upcomingParticipantId), status: 'attended' },
			{ participantId: "1' or '1'='1", status: 'accepted' },
			{ participantId: '9'.repeat(5000), status: 'accepted' },
			{}
		];
		for (const fields of hostile) {
			const response = await post(`/p/${token}?/respond`, fields);
			expect(response.status, JSON.stringify(fields).slice(0, 80)).toBe(400);
		}
	});

	test('refuses a cross-site answer', async () => {
		const response = await fetch(`${server.url}/p/${token}?/respond`, {
			method: 'POST',
			headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ participantId: String(upcomingParticipantId), status: 'accepted' })
		});
		expect(response.status).toBe(403);
	});
});

describe('a dead link', () => {
	test('a random or malformed token is 404, with the same headers', async () => {
		for (const bogus of [`${'a'.repeat(32)}.${'b'.repeat(32)}`, 'nonsense', 'x.y']) {
			const response = await fetch(`${server.url}/p/${bogus}`, { redirect: 'manual' });
			expect(response.status, bogus).toBe(404);
			expectLinkHeaders(response);
			const html = await response.text();
			expect(html).toContain('This link is not valid any more');
			expect(html).not.toMatch(/href="[./]*\/?events/);
		}
	});

	test('a re-issued link ends the old one; a revoked link is 404', async () => {
		const first = await issueLink();
		const second = await issueLink();
		const old = await fetch(`${server.url}/p/${first}`);
		expect(old.status).toBe(404);
		expectLinkHeaders(old);
		expect((await fetch(`${server.url}/p/${second}`)).status).toBe(200);

		const revoke = await post(`/people/${prenticeId}?/revokeLink`, {}, officer);
		expect(revoke.status).toBe(200);
		const revoked = await fetch(`${server.url}/p/${second}`);
		expect(revoked.status).toBe(404);
		expectLinkHeaders(revoked);
		const answer = await post(`/p/${second}?/respond`, {
			participantId: String(upcomingParticipantId),
			status: 'accepted'
		});
		expect(answer.status).toBe(404);
		expectLinkHeaders(answer);
	});
});

describe('the officer’s panel', () => {
	test('a viewer can neither issue nor revoke a link', async () => {
		expect((await post(`/people/${prenticeId}?/issueLink`, { validDays: '90' }, viewer)).status).toBe(403);
		expect((await post(`/people/${prenticeId}?/revokeLink`, {}, viewer)).status).toBe(403);
	});

	test('the viewer’s person page has no panel and no word of the link', async () => {
		await issueLink();
		const html = await (
			await fetch(`${server.url}/people/${prenticeId}`, { headers: { cookie: viewer } })
		).text();
		expect(html).toContain('Jonathan Prentice');
		expect(html).not.toContain('Personal link');
		expect(html).not.toContain('linkPanel:{');
		expect(html).not.toContain('live link');
	});

	test('an out-of-range validity is refused beside its field', async () => {
		const response = await post(`/people/${prenticeId}?/issueLink`, { validDays: '9999' }, officer);
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('Enter a whole number of days, from 1 to 365.');
	});
});
