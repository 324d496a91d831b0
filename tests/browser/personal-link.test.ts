/**
 * A speaker of International Migrants Day 2021 opens their personal link in Chromium: their own item is
 * highlighted, and they decline the invitation, with JavaScript and without it. The demo event is in
 * the past, so the test moves it a month ahead first: only an event still to come can be answered.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemActor } from '$lib/server/audit/audit';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connection';
import { issuePersonalLink } from '$lib/server/links/personal-link.service';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { freePort, startServer, type RunningServer } from '../helpers/server';

const DAY = 24 * 60 * 60 * 1000;

let dir: string;
let server: RunningServer;
let browser: Browser;
let database: DatabaseHandle;
let officerEmail: string;

/** Moves the event and its programme forward by whole days, so that it is `daysAhead` days away. */
async function moveAhead(title: string, daysAhead: number) {
	const { db } = database;
	const event = await db
		.selectFrom('event')
		.select(['id', 'start_at', 'end_at'])
		.where('title', '=', title)
		.executeTakeFirstOrThrow();
	const shift = Math.ceil((Date.now() - Date.parse(event.start_at)) / DAY + daysAhead) * DAY;
	const moved = (instant: string) => new Date(Date.parse(instant) + shift).toISOString();
	await db
		.updateTable('event')
		.set({ start_at: moved(event.start_at), end_at: moved(event.end_at), status: 'confirmed' })
		.where('id', '=', event.id)
		.execute();
	const items = await db
		.selectFrom('agenda_item')
		.select(['id', 'start_at', 'end_at'])
		.where('event_id', '=', event.id)
		.execute();
	for (const item of items) {
		await db
			.updateTable('agenda_item')
			.set({
				start_at: item.start_at && moved(item.start_at),
				end_at: item.end_at && moved(item.end_at)
			})
			.where('id', '=', item.id)
			.execute();
	}
	await db
		.updateTable('event_participant')
		.set({ rsvp_status: 'invited' })
		.where('event_id', '=', event.id)
		.execute();
}

async function personId(familyName: string) {
	const row = await database.db
		.selectFrom('person')
		.select('id')
		.where('family_name', '=', familyName)
		.executeTakeFirstOrThrow();
	return row.id;
}

async function rsvpAtImd(familyName: string) {
	const row = await database.db
		.selectFrom('event_participant as p')
		.innerJoin('event', 'event.id', 'p.event_id')
		.innerJoin('person', 'person.id', 'p.person_id')
		.select('p.rsvp_status')
		.where('event.title', '=', 'International Migrants Day 2021')
		.where('person.family_name', '=', familyName)
		.executeTakeFirstOrThrow();
	return row.rsvp_status;
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-browser-links-'));
	const databaseUrl = join(dir, 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	officerEmail = await addUser(databaseUrl, 'officer');
	database = openDatabase(databaseUrl);
	await moveAhead('International Migrants Day 2021', 30);
});
afterAll(async () => {
	await database?.close();
	await browser?.close();
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

/** The article of the International Migrants Day on a personal programme. */
const imd = (page: Page) => page.locator('article', { hasText: 'International Migrants Day 2021' });

test('an officer issues a link; Prentice sees his speech highlighted and declines', async () => {
	const officer = await signedInContext(browser, server.url, officerEmail, TEST_PASSWORD);
	const panel = await officer.newPage();
	await panel.goto(`${server.url}/people/${await personId('Prentice')}`);
	await panel.getByRole('button', { name: 'Issue a link' }).click();
	const shown = panel.getByLabel('The new personal link');
	await shown.waitFor();
	const url = await shown.inputValue();
	expect(url).toMatch(new RegExp(`^${server.url}/p/[a-z2-7]{32}\\.[a-z2-7]{32}$`));
	await expect.poll(() => panel.locator('.link-state').textContent()).toContain('A live link works until');
	await officer.close();

	// The speaker, in a browser of their own without any session.
	const guest = await browser.newContext();
	const page = await guest.newPage();
	// Once the scripts have loaded the page is hydrated, and the form answers without a page load.
	await page.goto(url, { waitUntil: 'networkidle' });
	expect(await page.locator('h1').textContent()).toBe('Your programme, Mr Jonathan Prentice');
	expect(await page.locator('nav').count()).toBe(0);

	const mine = imd(page).locator('li.agenda-item.mine');
	expect(await mine.count()).toBe(1);
	expect(await mine.textContent()).toContain('Champion Countries');
	expect(await mine.locator('.you').textContent()).toBe('You: Speaker');
	// Highlighted by more than colour: a border and the words above.
	expect(await mine.evaluate((li) => getComputedStyle(li).borderLeftWidth)).toBe('4px');
	// Times in Baku, as the event is held there.
	expect(await imd(page).textContent()).toContain('(Asia/Baku, UTC+4)');

	await imd(page).getByRole('button', { name: 'Decline' }).click();
	await expect.poll(() => imd(page).locator('.rsvp .badge').textContent()).toBe('Declined');
	expect(page.url()).toBe(url);
	expect(await imd(page).getByRole('status').textContent()).toContain('your answer is saved');
	expect(await rsvpAtImd('Prentice')).toBe('declined');
	await guest.close();
});

test('without JavaScript the page works the same: Pinjo answers tentatively', async () => {
	const { token } = await issuePersonalLink(
		database.db,
		systemActor('browser test'),
		await personId('Pinjo')
	);
	const guest = await browser.newContext({ javaScriptEnabled: false });
	const page = await guest.newPage();
	await page.goto(`${server.url}/p/${token}`);
	expect(await page.locator('h1').textContent()).toBe('Your programme, Ms Yasmina Pinjo');
	expect(await imd(page).locator('li.agenda-item.mine .you').textContent()).toBe('You: Presenter');

	await imd(page).getByRole('button', { name: 'Tentative' }).click();
	await page.waitForLoadState();
	expect(await imd(page).locator('.rsvp .badge').textContent()).toBe('Tentative');
	expect(await rsvpAtImd('Pinjo')).toBe('tentative');

	// On paper: the programme without the buttons, under the page's own header.
	await page.emulateMedia({ media: 'print' });
	expect(await imd(page).locator('form.answer').isVisible()).toBe(false);
	expect(await imd(page).locator('li.agenda-item.mine').isVisible()).toBe(true);
	expect(await page.locator('header .brand').isVisible()).toBe(true);
	await guest.close();
});

test('following a link on the page to another site sends that site no Referer, so not the token', async () => {
	const seen: (string | undefined)[] = [];
	const elsewhere = createServer((request, response) => {
		if (request.url === '/join') seen.push(request.headers.referer);
		response.end('joined');
	});
	const port = await freePort();
	await new Promise<void>((resolve) => elsewhere.listen(port, '127.0.0.1', resolve));
	try {
		// "localhost" against the server's "127.0.0.1": another origin, as a video-call host would be.
		await database.db
			.updateTable('event')
			.set({ online_url: `http://localhost:${port}/join` })
			.where('title', '=', 'International Migrants Day 2021')
			.execute();
		const { token } = await issuePersonalLink(
			database.db,
			systemActor('browser test'),
			await personId('Gjorgjiev')
		);
		const guest = await browser.newContext();
		const page = await guest.newPage();
		await page.goto(`${server.url}/p/${token}`);
		await imd(page)
			.getByRole('link', { name: `http://localhost:${port}/join` })
			.click();
		await page.waitForURL(`http://localhost:${port}/join`);
		expect(seen).toEqual([undefined]);
		await guest.close();
	} finally {
		await new Promise((resolve) => elsewhere.close(resolve));
	}
});

/**
 * Opens a person's page as the officer and waits until its scripts have started; the scripts asked for
 * after that (the tools', fetched on their first use) go through `tools`; stylesheets come as usual.
 */
async function personPageStarted(tools: (route: Route) => Promise<void>) {
	const officer = await signedInContext(browser, server.url, officerEmail, TEST_PASSWORD);
	const page = await officer.newPage();
	let started = false;
	await page.route('**/_app/immutable/**', (route) =>
		started && route.request().resourceType() === 'script' ? tools(route) : route.continue()
	);
	await page.goto(`${server.url}/people/${await personId('Gjorgjiev')}`, { waitUntil: 'networkidle' });
	await page.waitForFunction(() => history.state?.['sveltekit:history'] !== undefined);
	started = true;
	// Gone if the page is loaded again, as a plain post loads it.
	await page.evaluate(() => document.body.setAttribute('data-same-page', ''));
	return { officer, page };
}

test("a link issued before the officer's tools have their script is issued once it comes, or by a plain post if it cannot", async () => {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	const held = await personPageStarted(async (route) => {
		await released;
		await route.continue();
	});
	await held.page.getByRole('button', { name: /^Issue a (new )?link$/ }).click();
	release();
	await held.page.getByLabel('The new personal link').waitFor();
	// Sent through the tools once they started: an answer without a page load.
	expect(await held.page.locator('body[data-same-page]').count()).toBe(1);
	await held.officer.close();

	const failed = await personPageStarted((route) => route.abort());
	await failed.page.getByRole('button', { name: /^Issue a (new )?link$/ }).click();
	await failed.page.getByLabel('The new personal link').waitFor();
	expect(await failed.page.locator('body[data-same-page]').count()).toBe(0);
	// The page drawn for the post has no scripts either (they are refused here): the tools' styles are the page's.
	expect(await failed.page.locator('.link-actions').evaluate((e) => getComputedStyle(e).display)).toBe(
		'flex'
	);
	await failed.officer.close();
});
