/**
 * npm run bench — figures, not assertions: how the read paths behave on a large office.
 * Fills a temporary SQLite database (or BENCH_DATABASE_URL, e.g. an empty PostgreSQL schema you can
 * drop) with the data generator (db/generate/) at BENCH_EVENTS events (default 100 000), then times the
 * events list (first page and a page deep in the past), the event page, the busiest person's page, the
 * umbrella organisation's head and dossier, an event's .ics and invitations page, and two calendar
 * feeds. Prints a table; nothing is kept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { generateData } from '../db/generate/generate';
import { openDatabase } from '../src/lib/server/db/connection';
import { findDossier } from '../src/lib/server/dossier/dossier.service';
import { findEventPage, listEventsPage } from '../src/lib/server/events/event-read.service';
import { findFeedCalendar } from '../src/lib/server/feeds/feed.service';
import { findEventCalendarFile } from '../src/lib/server/ical/ical.service';
import { findInvitationsPage } from '../src/lib/server/invitations/invitation.service';
import { findOrganizationPage } from '../src/lib/server/organizations/organization.service';
import { findPersonPage } from '../src/lib/server/people/person.service';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);

async function main() {
	const dir = process.env.BENCH_DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'protokol-bench-'));
	const handle = openDatabase(process.env.BENCH_DATABASE_URL ?? join(dir!, 'bench.db'));
	const { db } = handle;
	try {
		const { counts, seconds, landmarks } = await generateData(handle, { events: EVENTS });
		console.log(
			`${handle.description}: ${counts.event!.toLocaleString('en')} events, ${counts.agenda_item!.toLocaleString('en')} agenda items, ` +
				`${counts.event_participant!.toLocaleString('en')} participants, ${counts.person!.toLocaleString('en')} people, generated in ${seconds.toFixed(1)} s`
		);
		const umbrella = landmarks.umbrella.id;
		const person = landmarks.heavyPerson.id;
		const event = landmarks.longAgendaEventId;
		const umbrellaDossier = await findDossier(db, umbrella, {}, { limit: 50 });
		console.log(
			`the umbrella's dossier (${landmarks.umbrella.organizations} organisations) holds ${umbrellaDossier!.total.toLocaleString('en')} records; ` +
				`the busiest person takes part in ${landmarks.heavyPerson.events.toLocaleString('en')} events`
		);
		const dossierYear = Number(umbrellaDossier!.years[Math.floor(umbrellaDossier!.years.length / 2)] ?? 2000);

		const later = new Date(Date.UTC(2100, 0, 1)).toISOString();
		const deep = await listEventsPage(db, { when: 'past', now: later }, { limit: 25 });
		let cursor = deep.next;
		for (let i = 0; i < 200 && cursor; i++) {
			cursor = (
				await listEventsPage(
					db,
					{ when: 'past', now: later },
					{ limit: 25, after: JSON.parse(Buffer.from(cursor, 'base64url').toString()) }
				)
			).next;
		}
		const deepCursor = cursor ? JSON.parse(Buffer.from(cursor, 'base64url').toString()) : undefined;
		// Feeds look a year back and two ahead of "now": the generated office's today.
		const feedNow = new Date(landmarks.today);
		const personFeed = landmarks.heavyPerson.feedToken;
		const officeFeed = landmarks.umbrella.feedToken;

		const bench = new Bench({ time: 1500, warmupTime: 300 });
		bench
			.add('events list, first page (25)', () =>
				listEventsPage(db, { when: 'past', now: later }, { limit: 25 })
			)
			.add('events list, page 200 (keyset)', () =>
				listEventsPage(db, { when: 'past', now: later }, { limit: 25, after: deepCursor })
			)
			.add('events list filtered by organisation', () =>
				listEventsPage(db, { when: 'past', now: later, organizationId: umbrella }, { limit: 25 })
			)
			.add('event page (20 agenda items)', () => findEventPage(db, event))
			.add(`person page (${landmarks.heavyPerson.events.toLocaleString('en')} events)`, () =>
				findPersonPage(db, person, { privateContacts: true })
			)
			.add("organisation page's head", () => findOrganizationPage(db, umbrella))
			.add(`dossier of the umbrella, first page`, () => findDossier(db, umbrella, {}, { limit: 50 }))
			.add('the same dossier, one year', () =>
				findDossier(db, umbrella, { year: dossierYear }, { limit: 50 })
			)
			.add('the same dossier, events only, without sub-organisations', () =>
				findDossier(db, umbrella, { kind: 'event', ownOnly: true }, { limit: 50 })
			)
			.add('event .ics with its agenda', () => findEventCalendarFile(db, event, { withAgenda: true }))
			.add('invitations page of an event', () => findInvitationsPage(db, event, { limit: 25 }))
			.add("the busiest person's feed (3 years)", () => findFeedCalendar(db, personFeed, { now: feedNow }))
			.add("the umbrella's feed (3 years, at most 2000 events)", () =>
				findFeedCalendar(db, officeFeed, { now: feedNow })
			);
		await bench.run();
		console.table(
			bench.tasks.map((task) => {
				const latency = task.result && 'latency' in task.result ? task.result.latency : undefined;
				return {
					operation: task.name,
					'ops/s': Math.round(task.result && 'throughput' in task.result ? task.result.throughput.mean : 0),
					'mean ms': latency ? latency.mean.toFixed(3) : '-',
					'p99 ms': latency?.p99 !== undefined ? latency.p99.toFixed(3) : '-'
				};
			})
		);
	} finally {
		await handle.close();
		if (dir) rmSync(dir, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
