/**
 * The agenda builder's forms over HTTP, as a browser without JavaScript posts them: bad input answers
 * 4xx with the message beside its field and what was typed kept (escaped); a save from a stale form is
 * refused with the other officer's version shown; a new order that does not fit the programme changes
 * nothing. The viewer's printed programme leaves unpublished items out.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addAgendaItem, updateAgendaItem } from '$lib/server/agenda/agenda.service';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connection';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { insertEvent } from '../helpers/factories';
import { postForm } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let officer: string;
let viewer: string;
let handle: DatabaseHandle;
const setup = { userId: null, label: 'test setup', role: 'system' as const };

beforeAll(async () => {
	server = await startServer();
	const { databaseUrl } = server;
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
	viewer = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));
	handle = openDatabase(databaseUrl);
});
afterAll(async () => {
	await handle?.close();
	await server?.stop();
});

const post = (path: string, fields: Record<string, string>, cookie = officer) =>
	postForm(server, path, fields, { cookie });

async function eventWithItems(title: string, items: [string, number, boolean?][]) {
	const event = await insertEvent(handle.db, {
		title,
		start_at: '2022-12-16T06:00:00.000Z',
		end_at: '2022-12-16T08:30:00.000Z',
		time_zone: 'Asia/Baku'
	});
	const added = [];
	for (const [itemTitle, minutes, published = true] of items) {
		added.push(
			await addAgendaItem(handle.db, setup, event.id, {
				kind: 'speech',
				title: itemTitle,
				durationMinutes: minutes,
				notes: null,
				published
			})
		);
	}
	return { event, items: added };
}

const errorBeside = (html: string, field: string) =>
	new RegExp(`<p class="error" id="field-${field}-error">([^<]*)</p>`).exec(html)?.[1];

test('a bad length is refused beside its field, with the title typed kept and escaped', async () => {
	const { event } = await eventWithItems('Bad Input Day', []);
	const response = await post(`/events/${event.id}/agenda?/add`, {
		kind: 'speech',
		title: 'Opening <b>speech</b>',
		durationMinutes: 'ten',
		published: 'on'
	});
	expect(response.status).toBe(400);
	const html = await response.text();
	expect(errorBeside(html, 'durationMinutes')).toContain('whole minutes');
	expect(html).toContain('value="Opening &lt;b>speech&lt;/b>"');
	const count = await handle.db
		.selectFrom('agenda_item')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('event_id', '=', event.id)
		.executeTakeFirstOrThrow();
	expect(Number(count.n)).toBe(0);
});

test('a save from a stale form is refused with the other officer’s version beside this one', async () => {
	const { event, items } = await eventWithItems('Two Officers Day', [['Welcoming address', 15]]);
	const opened = items[0]!;
	await updateAgendaItem(handle.db, setup, opened.id, {
		kind: 'speech',
		title: 'Welcome by the Chief of the Service',
		durationMinutes: 20,
		notes: null,
		published: true,
		version: opened.version
	});
	const response = await post(`/events/${event.id}/agenda/${opened.id}?/save`, {
		version: String(opened.version),
		kind: 'speech',
		title: 'Welcoming words',
		durationMinutes: '10',
		published: 'on'
	});
	expect(response.status).toBe(409);
	const html = await response.text();
	expect(html).toContain('Saved meanwhile by someone else');
	expect(html).toContain('Welcome by the Chief of the Service');
	expect(html).toContain('value="Welcoming words"');
	// The form now carries their version: saving again replaces theirs knowingly.
	expect(html).toContain(`name="version" value="${opened.version + 1}"`);
	const stored = await handle.db
		.selectFrom('agenda_item')
		.select(['title', 'duration_minutes'])
		.where('id', '=', opened.id)
		.executeTakeFirstOrThrow();
	expect(stored).toEqual({ title: 'Welcome by the Chief of the Service', duration_minutes: 20 });
});

test('a new order that names an item of another programme is refused and changes nothing', async () => {
	const { event, items } = await eventWithItems('Order Day', [
		['Welcoming address', 15],
		['Opening speech', 10]
	]);
	const { items: foreign } = await eventWithItems('Other Day', [['Elsewhere', 10]]);
	const response = await post(`/events/${event.id}/agenda?/reorder`, {
		order: `${items[1]!.id},${foreign[0]!.id}`
	});
	expect(response.status).toBe(400);
	expect(await response.text()).toMatch(
		/<p class="form-error" role="alert">The new order does not name exactly/
	);
	const ok = await post(`/events/${event.id}/agenda?/reorder`, {
		order: `${items[1]!.id},${items[0]!.id}`,
		moved: String(items[1]!.id)
	});
	expect(ok.status).toBe(303);
	expect(ok.headers.get('location')).toBe(
		`/events/${event.id}/agenda?moved=${items[1]!.id}#item-${items[1]!.id}`
	);
});

test('the printed programme shows viewers the published items only', async () => {
	const { event } = await eventWithItems('Programme Day', [
		['Welcoming address', 15],
		['Internal rehearsal', 10, false],
		['Closing', 5]
	]);
	const response = await fetch(`${server.url}/events/${event.id}/programme`, { headers: { cookie: viewer } });
	expect(response.status).toBe(200);
	const html = await response.text();
	expect(html).toContain('Welcoming address');
	expect(html).toContain('Closing');
	expect(html).not.toContain('Internal rehearsal');
	// The unpublished item still takes its ten minutes: the closing starts at 10:25.
	const closing = html.slice(html.lastIndexOf('10:25', html.indexOf('Closing')), html.indexOf('Closing'));
	expect(closing.replace(/<[^>]*>/g, '')).toMatch(/^10:25–10:30/);
});
