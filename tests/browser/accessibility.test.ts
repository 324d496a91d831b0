/** axe-core on each main page: no serious or critical WCAG 2.1 AA violations. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let admin: BrowserContext;

beforeAll(async () => {
	const databaseUrl = join(mkdtempSync(join(tmpdir(), 'protokol-a11y-')), 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	admin = await signedInContext(browser, server.url, await addUser(databaseUrl, 'admin'), TEST_PASSWORD);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

const MAIN_PAGES = [
	// The home page, with the demo's next International Migrants Day and its unanswered invitations.
	'/',
	'/events?when=past',
	'/events/1',
	'/people',
	'/people/1',
	'/organizations',
	'/organizations/1',
	'/outcomes',
	'/outcomes/1',
	'/actions',
	'/actions?status=done&find=IOM',
	'/correspondence',
	'/correspondence/1',
	'/correspondence/2',
	'/correspondence?year=2021&direction=outgoing&awaiting=1',
	'/account',
	'/account/two-factor',
	'/admin/users',
	'/admin/audit',
	'/admin/export',
	'/admin/api-tokens',
	'/events/1/history',
	'/events/1/invitations',
	'/outbox',
	'/people/new',
	'/people/1/edit',
	'/people/1/positions',
	'/people/1/positions/1',
	'/people/1/merge?q=Nabiyev&into=2',
	'/people/1/delete',
	'/organizations/new',
	'/organizations/1/edit',
	'/outcomes/new?event=1',
	'/outcomes/1/edit',
	'/correspondence/new?event=1',
	'/correspondence/1/edit',
	'/venues',
	'/venues/1/edit',
	'/agreements',
	'/agreements/1',
	'/agreements/1?find=09%2F1502',
	'/agreements/new?event=5',
	'/agreements/1/edit',
	'/projects',
	'/projects/1',
	'/projects/1?find=migration',
	'/projects/new?agreement=1',
	'/projects/1/edit',
	// Guests' needs (none recorded in the demo data): the overview, the two printouts and one guest's form.
	'/events/2/needs',
	'/events/2/needs/catering',
	'/events/2/needs/interpretation',
	'/events/2/participants/1/needs',
	// A seating plan not made yet (its generate form); the demo's plan is walked in seating.test.ts.
	'/events/1/seating',
	'/events/1/seating/print',
	'/events/1/seating/cards',
	'/events/1/seating/table-cards',
	// No demo gifts: the empty register, the form and the report (tests/browser/gifts.test.ts checks a gift's page).
	'/gifts',
	'/gifts/new?event=1',
	'/gifts/report?year=2017&organization=1',
	// William Lacy Swing's official visit (1): the list, its programme, its forms, the printouts.
	'/visits',
	'/visits/new',
	'/visits/1',
	'/visits/1/edit',
	'/visits/1/items/new?kind=transfer',
	'/visits/1/items/2',
	'/visits/1/print',
	'/visits/1/itinerary/4',
	// The meeting of the Chief of the SMS with IOM's Regional Director (event 8): its topics, one that
	// became a statement, one still to be turned into an outcome (its form shown), a search and the edit page.
	'/events/15/topics',
	'/events/15/topics/1',
	'/events/15/topics/3',
	'/events/15/topics/3?find=migration',
	'/events/15/topics/3/edit',
	// Its one-page brief; the outcome page of a statement of it, with the thread and a search for meetings.
	'/events/15/brief',
	'/outcomes/1?find=migrants'
];

test.each(MAIN_PAGES)('%s has no serious accessibility violations', async (path) => {
	const page = await admin.newPage();
	try {
		await page.goto(`${server.url}${path}`);
		expect(await seriousA11yViolations(page)).toEqual([]);
	} finally {
		await page.close();
	}
});

test('the sign-in page has no serious accessibility violations', async () => {
	const page = await browser.newPage();
	await page.goto(`${server.url}/login`);
	expect(await seriousA11yViolations(page)).toEqual([]);
	await page.close();
});

test('the check itself finds a serious violation when there is one', async () => {
	const page = await browser.newPage();
	await page.setContent(
		'<html lang="en"><title>Broken</title><main><img src="x.png"><button></button></main></html>'
	);
	const found = (await seriousA11yViolations(page)).map((v) => v.id);
	expect(found).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
	await page.close();
});
