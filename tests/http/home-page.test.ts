/**
 * The home page over HTTP on the demo data, for an officer and for a viewer; and what a new user found on
 * today's pages, checked in the rendered HTML: people named the same way everywhere without a stray space
 * or an organisation twice, an organisation's city apart from the country it belongs to, one "Follow-up"
 * heading on an outcome, and the duplicate form saying the description is last year's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let server: RunningServer;
const cookies: Record<'officer' | 'viewer', string> = { officer: '', viewer: '' };

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-home-'));
	const databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl });
	cookies.officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
	cookies.viewer = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

async function html(path: string, who: 'officer' | 'viewer' = 'officer') {
	const response = await fetch(`${server.url}${path}`, { headers: { cookie: cookies[who] } });
	expect(response.status, path).toBe(200);
	return response.text();
}

/** The page's text as a reader sees it: tags gone, white space as the browser collapses it. */
function textOf(page: string): string {
	return page
		.replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<\/(td|th)>/g, ' ')
		.replace(/<[^>]+>/g, '')
		.replace(/&nbsp;|&#160;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');
}

/** The id of the event with this title, from the events lists. */
async function eventId(title: string): Promise<string> {
	for (const list of ['/events', '/events?when=past']) {
		const match = new RegExp(`href="[./]*/?events/(\\d+)"[^>]*>(?:<[^>]+>)*\\s*${title}`).exec(
			await html(list)
		);
		if (match) return match[1]!;
	}
	throw new Error(`no event titled ${title}`);
}

const nextYear = () => {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Baku' }).format(new Date());
	const year = Number(today.slice(0, 4));
	return today > `${year}-12-18` ? year + 1 : year;
};

describe('the home page', () => {
	test('shows an officer every panel, with the next International Migrants Day and its unanswered invitations', async () => {
		const page = await html('/');
		const text = textOf(page);
		for (const heading of [
			'Today and the coming week',
			'My action points',
			'Invitations not answered',
			'Letters not answered',
			'E-mails that failed'
		]) {
			expect(text).toContain(heading);
		}
		expect(page).toMatch(/href="[./]*\/?events\/new"/);
		// The demo's next edition is within 14 days only in the first half of December.
		const title = `International Migrants Day ${nextYear()}`;
		const id = await eventId(title);
		const daysAhead = (Date.parse(`${nextYear()}-12-18T06:00:00Z`) - Date.now()) / 86_400_000;
		if (daysAhead <= 14) {
			expect(text).toContain(title);
			expect(text).toContain('4 of 7 invitations unanswered');
			expect(page).toMatch(new RegExp(`href="[./]*/?events/${id}/participants"`));
		}
		// Nobody named this officer on an action point yet: the panel says what to do.
		expect(text).toContain('No open action points name you as the officer responsible');
		expect(text).toContain('No e-mail has failed.');
	});

	test('shows a viewer the same read-only, without the outbox', async () => {
		const text = textOf(await html('/', 'viewer'));
		expect(text).toContain('My action points');
		expect(text).not.toContain('E-mails that failed');
		expect(text).not.toContain('New event');
	});
});

describe('what a new user found', () => {
	test('a name and its titles: no space before the comma, the organisation once, the same order on the event page and the programme', async () => {
		const imd = textOf(await html(`/events/${await eventId('International Migrants Day 2021')}`));
		expect(imd).not.toMatch(/\w ,/);
		expect(imd).toContain(
			'H.E. Mr António Vitorino, Director General of the International Organization for Migration Video message'
		);
		const chief = 'Mr Vusal Huseynov (Vüsal Hüseynov), Chief of the State Migration Service, SMS, II rank';
		expect(imd).toContain(chief);
		const programme = textOf(
			await html(`/events/${await eventId('International Migrants Day 2021')}/programme`)
		);
		expect(programme).toContain('Mr Vusal Huseynov, Chief of the State Migration Service, SMS, II rank');

		const meeting = textOf(
			await html(`/events/${await eventId('Meeting of the Chief of the State Migration Service')}`)
		);
		const office = 'IOM Regional Office for South-Eastern Europe, Eastern Europe and Central Asia';
		expect(meeting).toContain(`Mr Manfred Profazi, Regional Director, ${office}`);
		expect(meeting).not.toContain(`${office}, ${office}`);
	});

	test('an organisation in Geneva is not "Geneva, AZ": the city apart from the country it belongs to', async () => {
		const list = textOf(await html('/organizations'));
		expect(list).not.toContain('Geneva, AZ');
		expect(list).toContain('Organizations in Geneva Embassy or permanent mission — Geneva AZ');
	});

	test('an outcome page has one "Follow-up" heading', async () => {
		const outcome = /href="[./]*\/?outcomes\/(\d+)"/.exec(await html('/outcomes'))![1];
		const page = await html(`/outcomes/${outcome}`);
		expect(page.match(/<h2[^>]*>Follow-up<\/h2>/g) ?? []).toHaveLength(1);
		expect(page).toContain('Thread across meetings');
	});

	test("duplicating an event says the description is last year's, until it is changed", async () => {
		const page = await html(`/events/${await eventId('International Migrants Day 2021')}/duplicate`);
		expect(textOf(page)).toContain("The description is last year's, copied word for word: check it");
	});
});
