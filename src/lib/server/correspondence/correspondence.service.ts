/** Reading correspondence: the register, one document, and the documents of an event. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { toPage, type Page, type PageRequest } from '../pagination';
import {
	findCorrespondence,
	listCorrespondence,
	listCorrespondenceByEvent,
	listEnclosures,
	listEventsOfCorrespondence,
	listTransmittals,
	type CorrespondenceFilter
} from './correspondence.repository';
import {
	toCorrespondenceListItem,
	toCorrespondenceView,
	toLinkedCorrespondence,
	type CorrespondenceListItem,
	type CorrespondenceView,
	type LinkedCorrespondenceItem
} from './correspondence.view';

/** One query: the documents linked to an event, with how each is linked. */
export async function listCorrespondenceOfEvent(
	db: Kysely<Database>,
	eventId: number
): Promise<LinkedCorrespondenceItem[]> {
	return (await listCorrespondenceByEvent(db, eventId)).map(toLinkedCorrespondence);
}

/** One query: a page of the register, latest first. */
export async function listCorrespondencePage(
	db: Kysely<Database>,
	query: CorrespondenceFilter & { page: PageRequest }
): Promise<Page<CorrespondenceListItem>> {
	const { page: request, ...filter } = query;
	const page = toPage(await listCorrespondence(db, filter, request), request, (row) => [
		row.dated_on,
		row.id
	]);
	return { ...page, items: page.items.map(toCorrespondenceListItem) };
}

/**
 * Four queries: the document, then its enclosures, the documents that transmitted it and its events.
 * Null when there is no such document.
 */
export async function getCorrespondencePage(
	db: Kysely<Database>,
	correspondenceId: number
): Promise<CorrespondenceView | null> {
	const row = await findCorrespondence(db, correspondenceId);
	if (!row) return null;
	const [enclosures, transmittals, events] = await Promise.all([
		listEnclosures(db, correspondenceId),
		listTransmittals(db, correspondenceId),
		listEventsOfCorrespondence(db, correspondenceId)
	]);
	return toCorrespondenceView(row, { enclosures, transmittals, events });
}
