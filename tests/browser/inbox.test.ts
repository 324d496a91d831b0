/**
 * The inbox and an event's proposals waiting in Chromium, with JavaScript (the panel stays as the page's
 * scripts start) and off: what an officer sees (axe-core finds no serious violation), and accepting a
 * proposed time by the plain form, which moves the event and comes back to its page.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { insertEvent, insertPerson, stamps } from '../helpers/factories';
import { withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let officer: BrowserContext;
let withoutScripts: BrowserContext;
let databaseUrl: string;
let eventId = 0;

beforeAll(async () => {
	databaseUrl = join(mkdtempSync(join(tmpdir(), 'protokol-inbox-browser-')), 'protokol.db');
	[server, browser] = await Promise.all([
		startServer({ databaseUrl, env: { DEMO_DATA: 'off' } }),
		launchBrowser()
	]);
	const email = await addUser(databaseUrl, 'officer');
	officer = await signedInContext(browser, server.url, email, TEST_PASSWORD);
	withoutScripts = await signedInContext(browser, server.url, email, TEST_PASSWORD, {
		javaScriptEnabled: false
	});
	eventId = await withDatabase(databaseUrl, async (db) => {
		const event = await insertEvent(db, {
			title: 'Consultations on readmission',
			start_at: '2027-02-03T06:00:00.000Z',
			end_at: '2027-02-03T07:00:00.000Z',
			time_zone: 'Asia/Baku',
			online_url: 'https://meet.example.org/readmission'
		});
		const person = await insertPerson(db, {
			given_name: 'Leyla',
			family_name: 'Mammadova',
			email: 'leyla@partner.example'
		});
		const participant = await db
			.insertInto('event_participant')
			.values({ event_id: event.id, person_id: person.id, role: 'guest', ...stamps() })
			.returning('id')
			.executeTakeFirstOrThrow();
		const common = {
			mailbox: 'protocol@imap.example:993/INBOX',
			uid_validity: 7,
			received_at: '2027-01-20T10:00:00.000Z',
			event_id: event.id,
			participant_id: participant.id,
			attendee_address: 'leyla@partner.example',
			from_address: 'leyla@partner.example'
		};
		await db
			.insertInto('inbox_message')
			.values([
				{
					...common,
					uid: 1,
					method: 'REPLY',
					outcome: 'refused',
					reason: 'It answers version 0 of the invitation; version 1 was sent since.'
				},
				{
					...common,
					uid: 2,
					method: 'COUNTER',
					outcome: 'proposed',
					proposed_start_at: '2027-02-04T06:00:00.000Z',
					proposed_end_at: '2027-02-04T07:30:00.000Z',
					comment: 'Thursday would suit us better.'
				}
			])
			.execute();
		return event.id;
	});
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

test('the inbox lists what was refused with why, and the proposal with its buttons', async () => {
	const page = await officer.newPage();
	await page.goto(`${server.url}/inbox`);
	const text = await page.locator('main').innerText();
	expect(text).toContain('It answers version 0 of the invitation; version 1 was sent since.');
	expect(text).toContain('Proposes a new time');
	expect(text).toContain('Thursday would suit us better.');
	expect(await seriousA11yViolations(page)).toEqual([]);
	await page.close();
});

test('accepting on the event page, without JavaScript, moves the event and returns to its page', async () => {
	const look = await officer.newPage();
	// The panel's code is fetched apart from the page, before its scripts take over what the server drew
	// (the page's module waits for it): the panel is never taken out and drawn again as the page starts.
	await look.addInitScript(() => {
		new MutationObserver((changes) => {
			for (const change of changes) {
				for (const node of change.removedNodes) {
					if (node instanceof Element && node.querySelector('#proposals-heading')) {
						document.documentElement.dataset.panelRedrawn = 'yes';
					}
				}
			}
		}).observe(document, { childList: true, subtree: true });
	});
	await look.goto(`${server.url}/events/${eventId}`);
	await look.waitForLoadState('networkidle');
	expect(await look.getByRole('region', { name: 'Proposals waiting' }).innerText()).toContain(
		'Leyla Mammadova proposes'
	);
	expect(await look.evaluate(() => document.documentElement.dataset.panelRedrawn)).toBeUndefined();
	expect(await seriousA11yViolations(look)).toEqual([]);
	await look.close();
	const page = await withoutScripts.newPage();
	await page.goto(`${server.url}/events/${eventId}`);
	const panel = page.getByRole('region', { name: 'Proposals waiting' });
	expect(await panel.innerText()).toContain('Leyla Mammadova proposes');
	await panel.getByRole('button', { name: 'Accept the new time' }).click();
	await page.waitForURL(`${server.url}/events/${eventId}?proposal=accepted`);
	expect(await page.getByRole('status').first().innerText()).toContain('The event has the new time');
	expect(await page.getByRole('region', { name: 'Proposals waiting' }).count()).toBe(0);
	const moved = await withDatabase(databaseUrl, (db) =>
		db.selectFrom('event').select(['start_at', 'end_at']).where('id', '=', eventId).executeTakeFirstOrThrow()
	);
	expect(moved).toEqual({ start_at: '2027-02-04T06:00:00.000Z', end_at: '2027-02-04T07:30:00.000Z' });
	await page.close();
});
