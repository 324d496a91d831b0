/**
 * Keeping the directory clean: merging a person recorded twice into the one kept, and deleting a person
 * nothing names.
 *
 * A merge moves everything that names the one removed to the one kept, in one transaction: their
 * participations (at an event both took part in, the kept one's participation stays and gains the other's
 * agenda roles, seats and whatever it lacked), the outcomes they own, the letters they signed or were addressed,
 * their posts over time, personal links, calendar feeds, user account and outbox messages. The kept
 * person's empty fields take the removed one's values; the removed record is deleted and its address
 * leads to the kept one (person_redirect). The audit entry says what moved.
 */
import type { Kysely } from 'kysely';
import { formatPersonName } from '../../format/names';
import { recordAction, type Actor } from '../audit/audit';
import { authorize } from '../auth/authorize';
import type { Database, Person } from '../db/schema';
import { Conflict, NotFound, RuleViolation, StaleRecord } from '../errors';
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import { searchType } from '../search/search.service';
import type { SearchHit } from '../search/search.view';
import {
	copyMissingAgendaRoles,
	countPersonReferences,
	deleteParticipations,
	deletePersonRow,
	deleteRedirectFrom,
	findRedirect,
	insertRedirect,
	listParticipationsOfPeople,
	moveSeats,
	PERSON_REFERENCES,
	repointParticipations,
	repointRedirects,
	repointReference,
	dropSharedVisitRows,
	updateParticipation,
	type ParticipationRow,
	type ReferenceCounts
} from './person-merge.repository';
import { alignPostsAtEvents } from './person-position.service';
import { findPerson, findPersonRow, updatePersonRow } from './person.repository';
import { toPersonListItem, type PersonListItem } from './person.view';

/** What names a person, by kind, as a page says it. */
const REFERENCE_LABELS: Record<
	keyof ReferenceCounts,
	[one: (inputs: { count: number }) => string, many: (inputs: { count: number }) => string]
> = {
	participations: [m.people_refs_participations_one, m.people_refs_participations_other],
	agendaRoles: [m.people_refs_agenda_roles_one, m.people_refs_agenda_roles_other],
	outcomes: [m.people_refs_outcomes_one, m.people_refs_outcomes_other],
	lettersSigned: [m.people_refs_letters_signed_one, m.people_refs_letters_signed_other],
	lettersAddressed: [m.people_refs_letters_addressed_one, m.people_refs_letters_addressed_other],
	userAccounts: [m.people_refs_user_accounts_one, m.people_refs_user_accounts_other],
	personalLinks: [m.people_refs_personal_links_one, m.people_refs_personal_links_other],
	feeds: [m.people_refs_feeds_one, m.people_refs_feeds_other],
	messages: [m.people_refs_messages_one, m.people_refs_messages_other],
	positions: [m.people_refs_positions_one, m.people_refs_positions_other],
	projectsFocal: [m.people_refs_projects_focal_one, m.people_refs_projects_focal_other],
	giftsGiven: [m.people_refs_gifts_given_one, m.people_refs_gifts_given_other],
	giftsReceived: [m.people_refs_gifts_received_one, m.people_refs_gifts_received_other],
	visits: [m.people_refs_visits_one, m.people_refs_visits_other],
	visitItems: [m.people_refs_visit_items_one, m.people_refs_visit_items_other]
};

/**
 * What keeps a person from being deleted: everything that names them but their own posts over time
 * (deleted with them) and the outbox (which keeps what was sent, without them).
 */
const BLOCKING: readonly (keyof ReferenceCounts)[] = [
	'participations',
	'agendaRoles',
	'outcomes',
	'lettersSigned',
	'lettersAddressed',
	'userAccounts',
	'personalLinks',
	'feeds',
	'projectsFocal',
	// The gifts register keeps who gave and received each gift, for the declarations.
	'giftsGiven',
	'giftsReceived',
	// A visit's programme names its delegation's members, and their itineraries are printed.
	'visits',
	'visitItems'
];

export interface ReferenceCountView {
	kind: keyof ReferenceCounts;
	count: number;
	/** "3 events taken part in". */
	label: string;
}

function toReferenceViews(
	counts: ReferenceCounts,
	kinds: readonly (keyof ReferenceCounts)[] = Object.keys(REFERENCE_LABELS) as (keyof ReferenceCounts)[]
): ReferenceCountView[] {
	return kinds
		.filter((kind) => counts[kind] > 0)
		.map((kind) => {
			const [one, many] = REFERENCE_LABELS[kind];
			const count = counts[kind];
			// English has "1 event" and "2 events"; the Azerbaijani and Russian labels read right for any count.
			const label = new Intl.PluralRules(getLocale()).select(count) === 'one' ? one : many;
			return { kind, count, label: label({ count }) };
		});
}

export interface MergeSideView extends PersonListItem {
	version: number;
	/** What names them, by kind: what a merge would move. */
	references: ReferenceCountView[];
}

export interface PersonMergePage {
	/** The person the page is about: the one merged into another, and removed. */
	person: MergeSideView;
	/** The search typed for the one to keep, and who it found (the person themself left out). */
	query: string;
	found: SearchHit[];
	/** The one chosen to keep, when chosen. */
	into: MergeSideView | null;
}

const FOUND_SHOWN = 20;

async function mergeSide(db: Kysely<Database>, personId: number): Promise<MergeSideView | null> {
	const [person, row, counts] = await Promise.all([
		findPerson(db, personId),
		findPersonRow(db, personId),
		countPersonReferences(db, personId)
	]);
	if (!person || !row) return null;
	return { ...toPersonListItem(person), version: row.version, references: toReferenceViews(counts) };
}

/**
 * The merge page of a person: what names them, the people found by the search typed (through the
 * search index, so any spelling or script finds them), and the one chosen to keep with what names
 * them. Null when there is no such person. A fixed number of queries.
 */
export async function findPersonMergePage(
	db: Kysely<Database>,
	personId: number,
	{ query, intoId }: { query: string; intoId: number | null }
): Promise<PersonMergePage | null> {
	const person = await mergeSide(db, personId);
	if (!person) return null;
	const [results, into] = await Promise.all([
		query.trim() ? searchType(db, query, 'person', { limit: FOUND_SHOWN + 1 }) : null,
		intoId !== null && intoId !== personId ? mergeSide(db, intoId) : null
	]);
	const found = (results?.hits.items ?? []).filter((hit) => hit.id !== personId).slice(0, FOUND_SHOWN);
	return { person, query, found, into };
}

/** Fields of the kept person that take the removed one's value when they have none. */
const FILLED = [
	'honorific',
	'native_name',
	'rank',
	'position',
	'organization_id',
	'email',
	'phone',
	'precedence_level',
	'preferred_locale',
	'notes'
] as const;

/** The versions of the current post, which go with it (`position` in FILLED). */
const POST_VERSIONS = ['position_locale', 'position_az', 'position_en', 'position_ru'] as const;

/**
 * The kept participation, given what it lacked from the other at the same event: a side, a title, an
 * answer where it had none (still "invited"), the latest calendar sequence sent.
 */
function joinedParticipation(kept: ParticipationRow, removed: ParticipationRow, now: string) {
	const changes: Partial<ParticipationRow> = {};
	for (const column of [
		'delegation_id',
		'position_at_event',
		'rank_at_event',
		'organization_id',
		'precedence',
		'invited_at',
		'notes'
	] as const) {
		if (kept[column] === null && removed[column] !== null)
			Object.assign(changes, { [column]: removed[column] });
	}
	if (kept.rsvp_status === 'invited' && removed.rsvp_status !== 'invited') {
		changes.rsvp_status = removed.rsvp_status;
		changes.responded_at = removed.responded_at;
	}
	const sequence = Math.max(kept.calendar_sequence_sent ?? -1, removed.calendar_sequence_sent ?? -1);
	if (sequence >= 0 && sequence !== kept.calendar_sequence_sent) changes.calendar_sequence_sent = sequence;
	return Object.keys(changes).length > 0 ? { ...changes, updated_at: now } : null;
}

export interface MergeResult {
	keptId: number;
}

/**
 * Merges `personId` into `intoId`: everything that names the one moves to the other, the kept person's
 * empty fields take the removed one's values, the removed record goes and its address leads to the kept
 * one; then the kept person's history gives its posts to every event it covers. Both people must be as
 * the officer saw them (`version`, `intoVersion`), else StaleRecord and nothing written.
 */
export async function mergePeople(
	db: Kysely<Database>,
	actor: Actor,
	personId: number,
	input: { intoId: number; version: number; intoVersion: number },
	now = new Date()
): Promise<MergeResult> {
	authorize(actor, 'officer');
	const at = now.toISOString();
	return db.transaction().execute(async (tx) => {
		const removed = await findPersonRow(tx, personId);
		if (!removed) throw new NotFound(m.people_not_found());
		if (input.intoId === personId) {
			const message = m.people_merge_error_self();
			throw new RuleViolation(message, { intoId: message });
		}
		const kept = await findPersonRow(tx, input.intoId);
		if (!kept) {
			throw new RuleViolation(m.people_merge_error_no_keep(), { intoId: m.people_merge_error_choose_keep() });
		}
		if (removed.version !== input.version || kept.version !== input.intoVersion) {
			throw new StaleRecord(
				{ version: String(removed.version), intoVersion: String(kept.version) },
				m.people_merge_error_changed()
			);
		}

		const participations = await listParticipationsOfPeople(tx, [personId, kept.id]);
		const keptAt = new Map(participations.filter((p) => p.person_id === kept.id).map((p) => [p.event_id, p]));
		const shared = participations.flatMap((p) => {
			const other = p.person_id === personId ? keptAt.get(p.event_id) : undefined;
			return other ? [{ kept: other, removed: p }] : [];
		});
		let agendaRolesJoined = 0;
		let seatsJoined = 0;
		for (const both of shared) {
			agendaRolesJoined += await copyMissingAgendaRoles(tx, both.removed.id, both.kept.id);
			seatsJoined += await moveSeats(tx, both.removed.id, both.kept.id);
			const changes = joinedParticipation(both.kept, both.removed, at);
			if (changes) await updateParticipation(tx, both.kept.id, changes);
		}
		await deleteParticipations(
			tx,
			shared.map((both) => both.removed.id)
		);
		const participationsMoved = await repointParticipations(tx, personId, kept.id, at);

		const moved: Record<string, number> = {};
		await dropSharedVisitRows(tx, personId, kept.id);
		for (const reference of PERSON_REFERENCES) {
			const n = await repointReference(tx, reference, personId, kept.id);
			if (n > 0) moved[reference.kind] = (moved[reference.kind] ?? 0) + n;
		}
		const redirectsMoved = await repointRedirects(tx, personId, kept.id);

		const filled = Object.fromEntries(
			FILLED.filter((column) => kept[column] === null && removed[column] !== null).map((column) => [
				column,
				removed[column]
			])
		) as Partial<Pick<Person, (typeof FILLED)[number] | (typeof POST_VERSIONS)[number]>>;
		// A post taken from the other record comes with its versions in other languages.
		if (filled.position !== undefined) {
			for (const column of POST_VERSIONS) Object.assign(filled, { [column]: removed[column] });
		}
		if (Object.keys(filled).length > 0) {
			await updatePersonRow(tx, kept.id, kept.version, { ...filled, updated_at: at });
		}
		if (!(await deletePersonRow(tx, personId, removed.version))) {
			throw new Conflict(m.people_merge_error_meanwhile());
		}
		const removedName = formatPersonName(removed);
		await insertRedirect(tx, {
			merged_person_id: personId,
			person_id: kept.id,
			name: removedName,
			merged_at: at
		});
		const postsAtEvents = await alignPostsAtEvents(tx, { personIds: [kept.id] }, at);

		const what = {
			mergedPersonId: personId,
			mergedName: removedName,
			keptPersonId: kept.id,
			keptName: formatPersonName(kept),
			participations: participationsMoved,
			eventsBothAttended: shared.map((both) => both.kept.event_id),
			agendaRolesJoined,
			...(seatsJoined > 0 ? { seatsJoined } : {}),
			...moved,
			...(redirectsMoved > 0 ? { earlierMergesRedirected: redirectsMoved } : {}),
			...(Object.keys(filled).length > 0 ? { filled } : {}),
			...(postsAtEvents.length > 0 ? { postsAtEvents } : {})
		};
		await recordAction(tx, actor, {
			action: 'person.merge',
			entityType: 'person',
			entityId: kept.id,
			before: { merged: removed },
			after: what
		});
		await recordAction(tx, actor, {
			action: 'person.merged_into',
			entityType: 'person',
			entityId: personId,
			before: removed,
			after: { keptPersonId: kept.id, keptName: what.keptName }
		});
		return { keptId: kept.id };
	});
}

/** Where a merged person's page now is: the id of the one kept, or null. One query. */
export async function findMergedInto(db: Kysely<Database>, personId: number): Promise<number | null> {
	return (await findRedirect(db, personId))?.person_id ?? null;
}

export interface PersonDeletionView extends PersonListItem {
	version: number;
	/** What names them and keeps them from being deleted; empty when they may go. */
	blockers: ReferenceCountView[];
	/** What goes with them: their posts over time. */
	goesWith: ReferenceCountView[];
}

/** The delete page of a person: what names them, by kind; null when there is no such person. */
export async function findPersonDeletion(
	db: Kysely<Database>,
	personId: number
): Promise<PersonDeletionView | null> {
	const [person, row, counts] = await Promise.all([
		findPerson(db, personId),
		findPersonRow(db, personId),
		countPersonReferences(db, personId)
	]);
	if (!person || !row) return null;
	return {
		...toPersonListItem(person),
		version: row.version,
		blockers: toReferenceViews(counts, BLOCKING),
		goesWith: toReferenceViews(counts, ['positions'])
	};
}

/**
 * Deletes a person whom nothing names (their posts over time go with them; the outbox keeps what was
 * sent). Otherwise Conflict, saying what names them, and nothing written: merge them instead.
 */
export async function deletePerson(
	db: Kysely<Database>,
	actor: Actor,
	personId: number,
	version: number
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const current = await findPersonRow(tx, personId);
		if (!current) throw new NotFound(m.people_not_found());
		const stale = () =>
			new StaleRecord({ version: String(current.version) }, m.people_delete_error_changed());
		if (current.version !== version) throw stale();
		const blockers = toReferenceViews(await countPersonReferences(tx, personId), BLOCKING);
		if (blockers.length > 0) {
			throw new Conflict(
				m.people_delete_refused({
					name: formatPersonName(current),
					references: blockers.map((b) => b.label).join(', ')
				})
			);
		}
		if (!(await deletePersonRow(tx, personId, version))) throw stale();
		await deleteRedirectFrom(tx, personId);
		await recordAction(tx, actor, {
			action: 'person.delete',
			entityType: 'person',
			entityId: personId,
			before: current
		});
	});
}
