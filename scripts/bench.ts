/**
 * npm run bench — figures, not assertions: how the read paths behave on a large office.
 * Builds a temporary SQLite database (or uses BENCH_DATABASE_URL, e.g. a PostgreSQL schema you can drop)
 * with BENCH_EVENTS events (default 100 000), each with hosts, 5 agenda items and 4 participants, then
 * times the events list (first page and a page deep in the past), the event page, a person page, an
 * organisation's head and dossiers (a partner with ten records beside an umbrella over twenty
 * organisations holding BENCH_EVENTS / 10 events), an event's .ics and invitations page, and two
 * calendar feeds. Prints a table; nothing is kept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { openDatabase } from '../src/lib/server/db/connection';
import { migrateToLatest } from '../src/lib/server/db/migrator';
import { findEventPage, listEventsPage } from '../src/lib/server/events/event-read.service';
import { findEvent, insertAgendaRoleRows } from '../src/lib/server/events/event.repository';
import { createFeed, findFeedCalendar } from '../src/lib/server/feeds/feed.service';
import { findEventCalendarFile } from '../src/lib/server/ical/ical.service';
import { findInvitationsPage } from '../src/lib/server/invitations/invitation.service';
import { findOrganizationPage } from '../src/lib/server/organizations/organization.service';
import { findDossier, refreshDossiers } from '../src/lib/server/dossier/dossier.service';
import { findPersonPage } from '../src/lib/server/people/person.service';
import { systemActor } from '../src/lib/server/audit/audit';
import { insertVenue } from '../src/lib/server/venues/venue.repository';
import {
	insertAgendaItems,
	insertEventHosts,
	insertEvents,
	insertOrganizations,
	insertParticipants,
	insertPeople,
	insertUmbrella
} from './bench.repository';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const PEOPLE = Math.max(50, Math.round(EVENTS / 20));
const ORGANIZATIONS = 200;
const BATCH = 500;

async function main() {
	const dir = process.env.BENCH_DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'protokol-bench-'));
	const handle = openDatabase(process.env.BENCH_DATABASE_URL ?? join(dir!, 'bench.db'));
	const { db } = handle;
	try {
		await migrateToLatest(handle);
		const now = new Date().toISOString();
		const stamps = { created_at: now, updated_at: now };
		const started = performance.now();

		await db.transaction().execute(async (tx) => {
			for (let i = 0; i < ORGANIZATIONS; i += BATCH) {
				const rows = Array.from({ length: Math.min(BATCH, ORGANIZATIONS - i) }, (_, k) => ({
					name: `Organisation ${i + k}`,
					acronym: `O${i + k}`,
					kind: 'government_body' as const,
					country_code: 'AZ',
					...stamps
				}));
				await insertOrganizations(tx, rows);
			}
			for (let i = 0; i < PEOPLE; i += BATCH) {
				const rows = Array.from({ length: Math.min(BATCH, PEOPLE - i) }, (_, k) => ({
					honorific: 'Mr',
					given_name: `Given${i + k}`,
					family_name: `Family${i + k}`,
					position: 'Head of Division',
					organization_id: ((i + k) % ORGANIZATIONS) + 1,
					...stamps
				}));
				await insertPeople(tx, rows);
			}
			const venue = await insertVenue(tx, {
				name: 'Headquarters',
				city: 'Baku',
				country_code: 'AZ',
				time_zone: 'Asia/Baku',
				...stamps
			});
			const base = Date.UTC(2000, 0, 1, 6);
			for (let i = 0; i < EVENTS; i += BATCH) {
				const count = Math.min(BATCH, EVENTS - i);
				const events = await insertEvents(
					tx,
					Array.from({ length: count }, (_, k) => {
						const start = base + (i + k) * 3 * 60 * 60 * 1000;
						return {
							kind: 'bilateral_meeting' as const,
							title: `Meeting ${i + k}`,
							start_at: new Date(start).toISOString(),
							end_at: new Date(start + 60 * 60 * 1000).toISOString(),
							time_zone: 'Asia/Baku',
							venue_id: venue.id,
							status: 'held' as const,
							ical_uid: `bench-${i + k}@protokol`,
							...stamps
						};
					})
				);
				await insertEventHosts(
					tx,
					events.map((e) => ({
						event_id: e.id,
						organization_id: (e.id % ORGANIZATIONS) + 1,
						role: 'host' as const
					}))
				);
				const participants = await insertParticipants(
					tx,
					events.flatMap((e) =>
						[0, 1, 2, 3].map((p) => ({
							event_id: e.id,
							person_id: ((e.id * 4 + p) % PEOPLE) + 1,
							role: p === 0 ? ('head_of_delegation' as const) : ('delegation_member' as const),
							organization_id: (e.id % ORGANIZATIONS) + 1,
							...stamps
						}))
					)
				);
				const items = await insertAgendaItems(
					tx,
					events.flatMap((e) =>
						[1, 2, 3, 4, 5].map((position) => ({
							event_id: e.id,
							position,
							kind: 'speech' as const,
							title: `Item ${position}`,
							...stamps
						}))
					)
				);
				const firstParticipant = new Map<number, number>();
				for (const p of participants)
					if (!firstParticipant.has(p.event_id)) firstParticipant.set(p.event_id, p.id);
				await insertAgendaRoleRows(
					tx,
					items.map((item) => ({
						agenda_item_id: item.id,
						participant_id: firstParticipant.get(item.event_id)!,
						role: 'speaker' as const
					}))
				);
			}
		});
		// A partner with ten records (it co-hosts the first ten events), and an umbrella over twenty
		// organisations whose dossier holds every event they host.
		const [small, umbrella] = await db.transaction().execute(async (tx) => {
			const partner = await insertUmbrella(
				tx,
				{ name: 'Small partner', kind: 'government_body', ...stamps },
				[]
			);
			await insertEventHosts(
				tx,
				Array.from({ length: 10 }, (_, k) => ({
					event_id: k + 1,
					organization_id: partner,
					role: 'co_host' as const
				}))
			);
			const over = Array.from({ length: 20 }, (_, k) => k + 1);
			const top = await insertUmbrella(
				tx,
				{ name: 'Umbrella', kind: 'international_organization', ...stamps },
				over
			);
			return [partner, top];
		});
		const seeded = (performance.now() - started) / 1000;
		const dossierStarted = performance.now();
		const worked = await refreshDossiers(db);
		const dossierSeconds = (performance.now() - dossierStarted) / 1000;
		console.log(
			`${handle.description}: ${EVENTS.toLocaleString('en')} events, ${(EVENTS * 5).toLocaleString('en')} agenda items, ` +
				`${(EVENTS * 4).toLocaleString('en')} participants, ${PEOPLE.toLocaleString('en')} people, seeded in ${seeded.toFixed(1)} s`
		);
		const umbrellaDossier = await findDossier(db, umbrella, {}, { limit: 50 });
		console.log(
			`partner dossiers: ${worked.toLocaleString('en')} records worked out in ${dossierSeconds.toFixed(1)} s; ` +
				`the umbrella's holds ${umbrellaDossier!.total.toLocaleString('en')}, the small partner's 10`
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
		const middleEvent = Math.max(1, Math.floor(EVENTS / 2));
		// Feeds look a year back and two ahead of "now": put now at the middle event.
		const middle = await findEvent(db, middleEvent);
		if (!middle) throw new Error(`bench: event ${middleEvent} was not seeded`);
		const feedNow = new Date(middle.start_at);
		const actor = systemActor('bench');
		const personFeed = (await createFeed(db, actor, { personId: 42 }, feedNow)).token;
		const officeFeed = (await createFeed(db, actor, { organizationId: 7 }, feedNow)).token;

		const bench = new Bench({ time: 1500, warmupTime: 300 });
		bench
			.add('events list, first page (25)', () =>
				listEventsPage(db, { when: 'past', now: later }, { limit: 25 })
			)
			.add('events list, page 200 (keyset)', () =>
				listEventsPage(db, { when: 'past', now: later }, { limit: 25, after: deepCursor })
			)
			.add('events list filtered by organisation', () =>
				listEventsPage(db, { when: 'past', now: later, organizationId: 7 }, { limit: 25 })
			)
			.add('event page', () => findEventPage(db, middleEvent))
			.add('person page', () => findPersonPage(db, 42, { privateContacts: true }))
			.add("organisation page's head", () => findOrganizationPage(db, 7))
			.add('dossier of a partner with 10 records', () => findDossier(db, small, {}, { limit: 50 }))
			.add(`dossier of an umbrella over 20 organisations, first page`, () =>
				findDossier(db, umbrella, {}, { limit: 50 })
			)
			.add('the same dossier, one year', () =>
				findDossier(db, umbrella, { year: dossierYear }, { limit: 50 })
			)
			.add('the same dossier, events only, without sub-organisations', () =>
				findDossier(db, umbrella, { kind: 'event', ownOnly: true }, { limit: 50 })
			)
			.add('event .ics with its agenda', () => findEventCalendarFile(db, middleEvent, { withAgenda: true }))
			.add('invitations page of an event', () => findInvitationsPage(db, middleEvent, { limit: 25 }))
			.add("a person's feed (3 years)", () => findFeedCalendar(db, personFeed, { now: feedNow }))
			.add("an organisation's feed (3 years, at most 2000 events)", () =>
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
