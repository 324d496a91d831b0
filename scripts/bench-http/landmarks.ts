/**
 * The records the benchmark's pages are about, taken from the generator's landmarks or found in the
 * database it loads, and what the pages need besides: an officer to sign in as, and a feed token for the
 * busiest person (the generator's; else a new feed each run, since only a token's hash is stored).
 */
import type { Landmarks as GeneratedLandmarks } from '../../db/generate/generate';
import { openDatabase } from '../../src/lib/server/db/connection';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { systemActor } from '../../src/lib/server/audit/audit';
import { refreshDossiers } from '../../src/lib/server/dossier/dossier.service';
import { createFeed } from '../../src/lib/server/feeds/feed.service';
import { refreshNameKeys } from '../../src/lib/server/people/person.service';
import { refreshSearchIndex } from '../../src/lib/server/search/search.service';
import { encodeCursor } from '../../src/lib/server/pagination';
import { findUserByEmail } from '../../src/lib/server/users/user.repository';
import { createUser } from '../../src/lib/server/users/user.service';
import {
	countEvents,
	findBusiestPerson,
	findEventKeyAt,
	findEventWithLongestAgenda,
	findUmbrellaOrganization,
	listSampleTitles
} from './bench-http.repository';

export const OFFICER = { email: 'bench-officer@protokol.test', password: 'bench officer long password 16' };

export interface Landmarks {
	events: number;
	eventId: number;
	eventAgendaItems: number;
	personId: number;
	personEvents: number;
	organizationId: number;
	organizationChildren: number;
	/** ?after= for the past list, nine tenths of the way back. */
	deepCursor: string;
	searchCommon: string;
	searchRare: string;
	feedToken: string;
	/** The office's today the data was made for (the calendar's month and week): the generator's, or now. */
	today: string;
	/** Catch-up work done before the app started (what its first start would otherwise do), in ms. */
	catchUpMs: number;
}

/** A word no title has: the rare search when the titles have fewer than two words to choose from. */
const UNFOUND_WORD = 'xylograph';

/** The longest words of the sample, most frequent first. */
function wordsByFrequency(titles: string[]): [string, number][] {
	const counts = new Map<string, number>();
	for (const title of titles) {
		for (const word of title.toLowerCase().match(/\p{L}{5,}/gu) ?? []) {
			counts.set(word, (counts.get(word) ?? 0) + 1);
		}
	}
	return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * The pages' records: those the generator named (`generated`, from its landmarks file), else looked for,
 * which on a million events takes a while.
 */
export async function findLandmarks(
	databaseUrl: string,
	generated: GeneratedLandmarks | null
): Promise<Landmarks> {
	const handle = openDatabase(databaseUrl);
	const { db } = handle;
	try {
		await migrateToLatest(handle);
		// The app's start brings the search index, dossiers and name keys up to date (startup.ts): done here,
		// so that its cold start is that of a server on a database it has seen before.
		const catchUpStarted = performance.now();
		await refreshSearchIndex(db);
		await refreshDossiers(db);
		await refreshNameKeys(db);
		const catchUpMs = Math.round(performance.now() - catchUpStarted);
		const events = await countEvents(db);
		const deepKey = await findEventKeyAt(db, Math.floor(events / 10));
		const actor = systemActor('npm run bench:http');
		if (!(await findUserByEmail(db, OFFICER.email))) {
			await createUser(db, actor, { ...OFFICER, name: 'Benchmark officer', role: 'officer' });
		}
		if (!deepKey) throw new Error(`${databaseUrl} has no events to benchmark.`);
		const deepCursor = encodeCursor([deepKey.start_at, deepKey.id]);
		if (generated) {
			return {
				events,
				eventId: generated.longAgendaEventId,
				eventAgendaItems: 20,
				personId: generated.heavyPerson.id,
				personEvents: generated.heavyPerson.events,
				organizationId: generated.umbrella.id,
				organizationChildren: generated.umbrella.organizations,
				deepCursor,
				searchCommon: generated.commonWord,
				searchRare: generated.rareWord,
				// A landmarks file written by hand may leave the token out: then a new feed.
				feedToken:
					generated.heavyPerson.feedToken ||
					(await createFeed(db, actor, { personId: generated.heavyPerson.id, name: 'bench:http' })).token,
				today: generated.today,
				catchUpMs
			};
		}
		const [event, person, organization, titles] = await Promise.all([
			findEventWithLongestAgenda(db),
			findBusiestPerson(db),
			findUmbrellaOrganization(db),
			listSampleTitles(db, 2000)
		]);
		if (!event || !person || !organization) {
			throw new Error(`${databaseUrl} has no events with agendas and participants to benchmark.`);
		}
		const words = wordsByFrequency(titles);
		const feed = await createFeed(db, actor, { personId: person.person_id, name: 'bench:http' });
		return {
			events,
			eventId: event.event_id,
			eventAgendaItems: Number(event.items),
			personId: person.person_id,
			personEvents: Number(person.events),
			organizationId: organization.organization_id,
			organizationChildren: Number(organization.children),
			deepCursor,
			searchCommon: words[0]?.[0] ?? 'meeting',
			searchRare: words.length > 1 ? words.at(-1)![0] : UNFOUND_WORD,
			feedToken: feed.token,
			today: new Date().toISOString().slice(0, 10),
			catchUpMs
		};
	} finally {
		await handle.close();
	}
}
