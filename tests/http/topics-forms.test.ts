/**
 * A meeting's topics forms over HTTP, as a browser without JavaScript posts them: bad input answers 400
 * with the message beside its field and what was typed kept (escaped), and nothing is half-written; a
 * save from a stale form is refused with the other officer's version; a viewer reads the list and the
 * topic but is refused the forms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connection';
import { addTopic, reviseTopic } from '$lib/server/topics/topic.service';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { insertEvent } from '../helpers/factories';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let server: RunningServer;
let officer: string;
let viewer: string;
let handle: DatabaseHandle;
const setup = { userId: null, label: 'test setup', role: 'system' as const };

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-topics-http-'));
	const databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl });
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
	viewer = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));
	handle = openDatabase(databaseUrl);
});
afterAll(async () => {
	await handle?.close();
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

function post(path: string, fields: Record<string, string>, cookie = officer) {
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			cookie,
			origin: server.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields)
	});
}

const errorBeside = (html: string, field: string) =>
	new RegExp(`<p class="error" id="field-${field}-error">([^<]*)</p>`).exec(html)?.[1];

async function meetingWithTopic(title: string) {
	const meeting = await insertEvent(handle.db, { title, start_at: '2021-12-21T07:00:00.000Z' });
	const topicId = await addTopic(handle.db, setup, meeting.id, {
		title: 'Migration Governance Indicators',
		raisedBy: 'our_side',
		ourPosition: null,
		talkingPoints: null,
		expectedQuestions: null
	});
	return { meeting, topicId };
}

const count = async (table: 'topic' | 'outcome' | 'agreement', eventId?: number) => {
	let query = handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
	if (eventId !== undefined && table !== 'agreement') query = query.where('event_id', '=', eventId);
	return Number((await query.executeTakeFirstOrThrow()).n);
};

test('a topic without a title is refused beside the field, with what was typed kept and escaped', async () => {
	const { meeting } = await meetingWithTopic('Bad Topic Meeting');
	const response = await post(`/events/${meeting.id}/topics?/add`, {
		title: '  ',
		raisedBy: 'their_side',
		ourPosition: 'Support <b>the GCM</b>'
	});
	expect(response.status).toBe(400);
	const html = await response.text();
	expect(errorBeside(html, 'title')).toBe('Title is required.');
	expect(html).toContain('Support &lt;b>the GCM&lt;/b>');
	expect(html).toMatch(/<option value="their_side" selected/);
	expect(await count('topic', meeting.id)).toBe(1);
});

test('a side that is not ours or theirs is refused beside its field', async () => {
	const { meeting } = await meetingWithTopic('Bad Side Meeting');
	const response = await post(`/events/${meeting.id}/topics?/add`, { title: 'GCM', raisedBy: 'both' });
	expect(response.status).toBe(400);
	expect(errorBeside(await response.text(), 'raisedBy')).toBe('Say which side raises it.');
	expect(await count('topic', meeting.id)).toBe(1);
});

test('an action point without a due date or owner is refused beside those fields, and nothing is written', async () => {
	const { meeting, topicId } = await meetingWithTopic('Bad Action Point Meeting');
	const outcomes = await count('outcome');
	const response = await post(`/events/${meeting.id}/topics/${topicId}?/turn`, {
		kind: 'action_point',
		title: 'Continue the <MGI> activities',
		ownerOrganizationId: '',
		ownerPersonId: '',
		dueOn: '2022-02-30',
		version: '1'
	});
	expect(response.status).toBe(400);
	const html = await response.text();
	expect(errorBeside(html, 'dueOn')).toBe('There is no such date.');
	expect(html).toContain('value="Continue the &lt;MGI> activities"');
	const noOwner = await post(`/events/${meeting.id}/topics/${topicId}?/turn`, {
		kind: 'action_point',
		title: 'Continue',
		dueOn: '2022-02-01',
		version: '1'
	});
	expect(noOwner.status).toBe(400);
	expect(errorBeside(await noOwner.text(), 'ownerOrganizationId')).toContain('needs an owner');
	expect(await count('outcome')).toBe(outcomes);
	const topic = await handle.db
		.selectFrom('topic')
		.select(['outcome_id', 'version'])
		.where('id', '=', topicId)
		.executeTakeFirstOrThrow();
	expect(topic).toEqual({ outcome_id: null, version: 1 });
});

test('an agreement with fewer than two parties is refused beside the parties, and nothing is written', async () => {
	const { meeting, topicId } = await meetingWithTopic('Bad Agreement Meeting');
	const agreements = await count('agreement');
	const response = await post(`/events/${meeting.id}/topics/${topicId}?/turn`, {
		kind: 'agreement',
		title: 'Agreement',
		parties: '1',
		version: '1'
	});
	expect(response.status).toBe(400);
	expect(errorBeside(await response.text(), 'parties')).toBe('An agreement needs at least two parties.');
	expect(await count('agreement')).toBe(agreements);
});

test('a save from a stale form is refused with the other officer’s version, and theirs is kept', async () => {
	const { meeting, topicId } = await meetingWithTopic('Two Officers Meeting');
	await reviseTopic(handle.db, setup, topicId, {
		title: 'The Migration Governance Indicators process',
		raisedBy: 'our_side',
		ourPosition: null,
		talkingPoints: null,
		expectedQuestions: null,
		version: 1
	});
	const response = await post(`/events/${meeting.id}/topics/${topicId}/edit?/save`, {
		title: 'MGI',
		raisedBy: 'their_side',
		version: '1'
	});
	expect(response.status).toBe(409);
	const html = await response.text();
	expect(html).toContain('Someone else saved this topic after you opened it.');
	expect(html).toContain('value="The Migration Governance Indicators process"');
	expect(html).toContain('name="version" value="2"');
	const stored = await handle.db
		.selectFrom('topic')
		.select('title')
		.where('id', '=', topicId)
		.executeTakeFirstOrThrow();
	expect(stored.title).toBe('The Migration Governance Indicators process');
});

test('a viewer reads the topics and the topic, without their forms, and is refused a write', async () => {
	const { meeting, topicId } = await meetingWithTopic('Viewer Meeting');
	const get = (path: string) => fetch(`${server.url}${path}`, { headers: { cookie: viewer } });
	const list = await get(`/events/${meeting.id}/topics`);
	expect(list.status).toBe(200);
	const listHtml = await list.text();
	expect(listHtml).toContain('Migration Governance Indicators');
	expect(listHtml).not.toContain('?/move');
	expect(listHtml).not.toContain('?/add');
	const page = await get(`/events/${meeting.id}/topics/${topicId}`);
	expect(page.status).toBe(200);
	expect(await page.text()).not.toContain('?/turn');
	const refused = await post(
		`/events/${meeting.id}/topics?/add`,
		{ title: 'GCM', raisedBy: 'our_side' },
		viewer
	);
	expect(refused.status).toBe(403);
	expect(await count('topic', meeting.id)).toBe(1);
});
