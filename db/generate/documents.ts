/**
 * Search documents and dossier placing for generated records, made by the app's own functions
 * (search.documents.ts, dossier.entries.ts) without redoing the same work a million times: generated
 * texts repeat, so each is folded once, and time zone maths is asked only where it can change the
 * answer. The generator's test compares every document and dossier entry with what the app's rebuilds
 * write.
 */
import type { DatedRecord } from '../../src/lib/server/dossier/dossier.repository';
import type { SearchDocument } from '../../src/lib/server/search/search.repository';
import { eventDocument, outcomeDocument, personDocument } from '../../src/lib/server/search/search.documents';

type EventRow = Parameters<typeof eventDocument>[0];
type OutcomeRow = Parameters<typeof outcomeDocument>[0];
type PersonRow = Parameters<typeof personDocument>[0];

/** Remembered answers at most per kind; then forgotten, to bound memory at any scale. */
const REMEMBERED = 200_000;

class Memo<T> {
	#answers = new Map<string, T>();
	get(key: string, make: () => T): T {
		let value = this.#answers.get(key);
		if (value === undefined) {
			if (this.#answers.size >= REMEMBERED) this.#answers.clear();
			value = make();
			this.#answers.set(key, value);
		}
		return value;
	}
}

const keyOf = (...parts: (string | number | null)[]) => parts.join('\u0000');

export class DocumentMaker {
	#titles = new Memo<SearchDocument>();
	#bodies = new Memo<SearchDocument>();
	#details = new Memo<string | null>();
	#outcomes = new Memo<SearchDocument>();
	#people = new Memo<SearchDocument>();

	/**
	 * An event's document from three calls of eventDocument, each on the part of the row its fields
	 * come from: the title, the longer texts, and the line of detail — which depends on the kind, the
	 * status and the day the event falls on in its zone (`localDate`), asked of it in UTC on that day.
	 */
	event(row: EventRow, localDate: string): SearchDocument {
		const blank = { title: '', theme: null, description: null, status_reason: null };
		const titled = this.#titles.get(keyOf(row.title), () =>
			eventDocument({ ...row, ...blank, title: row.title })
		);
		const body = this.#bodies.get(keyOf(row.theme, row.description, row.status_reason), () =>
			eventDocument({ ...row, title: '' })
		);
		const detail = this.#details.get(
			keyOf(localDate, row.kind, row.status),
			() =>
				eventDocument({ ...row, ...blank, start_at: `${localDate}T12:00:00.000Z`, time_zone: 'UTC' }).detail
		);
		return {
			...titled,
			entity_id: row.id,
			detail,
			body: body.body,
			body_terms: body.body_terms
		};
	}

	outcome(row: OutcomeRow): SearchDocument {
		const made = this.#outcomes.get(keyOf(row.kind, row.title, row.text, row.status), () =>
			outcomeDocument(row)
		);
		return { ...made, entity_id: row.id };
	}

	person(row: PersonRow): SearchDocument {
		const key = keyOf(
			row.honorific,
			row.given_name,
			row.family_name,
			row.native_name,
			row.rank,
			row.position,
			row.notes
		);
		return { ...this.#people.get(key, () => personDocument(row)), entity_id: row.id };
	}
}

/**
 * A record dated by an instant in a zone, for dossierEntriesOf. Its year is the year in that zone; where
 * that is also the year in UTC (all but the hours around a new year), UTC is given instead, which
 * answers the same without the zone's offset rules.
 */
export function datedInZone(
	id: number,
	instant: string,
	zone: string,
	localDate: string,
	recordedAt: string
): DatedRecord {
	const sameYear = instant.slice(0, 4) === localDate.slice(0, 4);
	return { id, instant, date: null, time_zone: sameYear ? 'UTC' : zone, recorded_at: recordedAt };
}
