/**
 * A person's posts over time, and how they reach the events.
 *
 * The history (person_position) is what a person was — position, organisation, rank — from when to when.
 * Each participation keeps its own copy of the post (event_participant.position_at_event, rank_at_event,
 * organization_id), which every page, list, programme and badge of the event reads. The two are kept in
 * step here, so that those readers need no dates and no zones (SQLite has none):
 *   - when someone is invited, the copy is the post the history gives for the event's date (the day it
 *     starts, in its own zone), or else what the person is now (`resolvePostsOnEventDate`);
 *   - when the history changes, a person is merged or an event moves, every participation whose date
 *     a post covers gets that post (`alignPostsAtEvents`): where the history speaks, it wins;
 *   - where no post covers an event's date, the copy stays as recorded — what the sources said then.
 * Of two posts covering one day, the one begun later counts (a post whose start is not known counts as
 * begun earliest).
 */
import type { Kysely } from 'kysely';
import { m } from '../../paraglide/messages.js';
import { instantToZoned } from '../../format/datetime';
import { formatPersonName } from '../../format/names';
import { recordAction, type Actor } from '../audit/audit';
import { diffColumns } from '../audit/changes';
import { authorize } from '../auth/authorize';
import type { Database, IsoDate } from '../db/schema';
import { NotFound, RuleViolation, StaleRecord } from '../errors';
import type { PersonPositionInput } from './person-position.input';
import {
	deletePosition,
	findPosition,
	insertPosition,
	listParticipationPosts,
	listPositionsHeldOn,
	listPositionsOfPeople,
	listPositionsOfPerson,
	updateParticipationPosts,
	updatePositionRow,
	type HeldPositionRow,
	type ParticipationScope
} from './person-position.repository';
import { toPositionFormValues, toPositionViews, type PositionView } from './person-position.view';
import { findOrganizationId, findPersonRow } from './person.repository';
import { getNamedChoices, type NamedChoices } from '../choosers/chooser.service';
import { versionColumns } from '../content/content-versions.input';

/** The day an event is held on, as its own zone counts it. */
function eventDateOf(event: { start_at: string; time_zone: string }): IsoDate {
	return instantToZoned(event.start_at, event.time_zone).slice(0, 10);
}

type Post = Pick<HeldPositionRow, 'id' | 'position' | 'rank' | 'organization_id' | 'from_on' | 'to_on'>;

/** Of one person's posts, the one held on `date`: of several, the one begun last; null when none. */
function postHeldOn<P extends Post>(posts: readonly P[], date: IsoDate): P | null {
	let held: P | null = null;
	for (const post of posts) {
		if ((post.from_on !== null && post.from_on > date) || (post.to_on !== null && post.to_on < date))
			continue;
		const later =
			held === null ||
			(post.from_on ?? '') > (held.from_on ?? '') ||
			((post.from_on ?? '') === (held.from_on ?? '') && post.id > held.id);
		if (later) held = post;
	}
	return held;
}

function byPerson<P extends { person_id: number }>(rows: readonly P[]): Map<number, P[]> {
	const map = new Map<number, P[]>();
	for (const row of rows) map.set(row.person_id, [...(map.get(row.person_id) ?? []), row]);
	return map;
}

/**
 * These people as they stood on the event's date: position, rank and organisation from the post their
 * history gives for that day, or as they are now where it gives none. For an invitation's copy of the
 * post. One query.
 */
export async function resolvePostsOnEventDate<
	P extends { id: number; position: string | null; rank: string | null; organization_id: number | null }
>(db: Kysely<Database>, event: { start_at: string; time_zone: string }, people: readonly P[]): Promise<P[]> {
	const date = eventDateOf(event);
	const held = byPerson(
		await listPositionsHeldOn(
			db,
			people.map((p) => p.id),
			date
		)
	);
	return people.map((person) => {
		const post = postHeldOn(held.get(person.id) ?? [], date);
		return post
			? { ...person, position: post.position, rank: post.rank, organization_id: post.organization_id }
			: person;
	});
}

/** A participation whose copy of the post was rewritten from the history: for the audit entry. */
export interface RealignedPost {
	participantId: number;
	eventId: number;
	before: { position: string | null; rank: string | null; organizationId: number | null };
	after: { position: string; rank: string | null; organizationId: number | null };
}

/**
 * Inside a write that invited people, changed a history, merged people or moved events: gives every
 * participation in scope (of these people, at these events, or these) whose date a post covers that
 * post, and leaves the others as they are. Two queries, and one update for each post participations
 * take. Returns what it rewrote.
 */
export async function alignPostsAtEvents(
	tx: Kysely<Database>,
	scope: ParticipationScope,
	now = new Date().toISOString()
): Promise<RealignedPost[]> {
	const participations = await listParticipationPosts(tx, scope);
	const posts = byPerson(
		await listPositionsOfPeople(tx, [...new Set(participations.map((p) => p.person_id))])
	);
	const realigned: RealignedPost[] = [];
	const byPost = new Map<number, { post: Post; participantIds: number[] }>();
	for (const p of participations) {
		const post = postHeldOn(posts.get(p.person_id) ?? [], eventDateOf(p));
		if (
			!post ||
			(post.position === p.position_at_event &&
				post.rank === p.rank_at_event &&
				post.organization_id === p.organization_id)
		) {
			continue;
		}
		realigned.push({
			participantId: p.id,
			eventId: p.event_id,
			before: { position: p.position_at_event, rank: p.rank_at_event, organizationId: p.organization_id },
			after: { position: post.position, rank: post.rank, organizationId: post.organization_id }
		});
		const group = byPost.get(post.id) ?? { post, participantIds: [] };
		group.participantIds.push(p.id);
		byPost.set(post.id, group);
	}
	for (const { post, participantIds } of byPost.values()) {
		await updateParticipationPosts(
			tx,
			participantIds,
			{ position_at_event: post.position, rank_at_event: post.rank, organization_id: post.organization_id },
			now
		);
	}
	return realigned;
}

export interface PersonPositionsPage {
	personId: number;
	name: string;
	positions: PositionView[];
	/** The organisations of the posts, for the forms' choosers (they find any other). */
	named: NamedChoices;
}

/** A person's posts, latest first, with their organisations named; null when there is no such person. */
export async function findPersonPositionsPage(
	db: Kysely<Database>,
	personId: number
): Promise<PersonPositionsPage | null> {
	const [person, rows] = await Promise.all([
		findPersonRow(db, personId),
		listPositionsOfPerson(db, personId)
	]);
	if (!person) return null;
	const positions = toPositionViews(rows);
	const named = await getNamedChoices(db, { organization: rows.map((row) => row.organization_id) });
	return { personId, name: formatPersonName(person), positions, named };
}

function positionColumns(input: PersonPositionInput) {
	return {
		position: input.position,
		...versionColumns('position', {
			locale: input.positionLocale,
			az: input.positionAz,
			en: input.positionEn,
			ru: input.positionRu
		}),
		organization_id: input.organizationId,
		rank: input.rank,
		from_on: input.fromOn,
		to_on: input.toOn,
		notes: input.notes
	};
}

async function checkOrganization(tx: Kysely<Database>, input: PersonPositionInput) {
	if (input.organizationId !== null && !(await findOrganizationId(tx, input.organizationId))) {
		throw new RuleViolation(m.positions_error_no_organization(), {
			organizationId: m.positions_error_choose_organization()
		});
	}
}

async function personOrFail(tx: Kysely<Database>, personId: number) {
	const person = await findPersonRow(tx, personId);
	if (!person) throw new NotFound(m.positions_error_no_person());
	return person;
}

async function positionOrFail(tx: Kysely<Database>, personId: number, positionId: number) {
	const position = await findPosition(tx, positionId);
	if (!position || position.person_id !== personId) {
		throw new NotFound(m.positions_error_no_post());
	}
	return position;
}

/**
 * Adds a post to a person's history, and gives it to every participation of theirs whose date it
 * covers; audited with what it rewrote.
 */
export async function addPersonPosition(
	db: Kysely<Database>,
	actor: Actor,
	personId: number,
	input: PersonPositionInput
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		await personOrFail(tx, personId);
		await checkOrganization(tx, input);
		const now = new Date().toISOString();
		const row = await insertPosition(tx, {
			...positionColumns(input),
			person_id: personId,
			created_at: now,
			updated_at: now
		});
		const realigned = await alignPostsAtEvents(tx, { personIds: [personId] }, now);
		await recordAction(tx, actor, {
			action: 'person.position.add',
			entityType: 'person',
			entityId: personId,
			after: { positionId: row.id, ...input, ...(realigned.length > 0 ? { postsAtEvents: realigned } : {}) }
		});
	});
}

/**
 * Saves a post if nobody saved it since `version` was read (else StaleRecord with theirs, and nothing
 * written), and gives the history's post to every participation of the person whose date a post covers.
 */
export async function revisePersonPosition(
	db: Kysely<Database>,
	actor: Actor,
	personId: number,
	positionId: number,
	version: number,
	input: PersonPositionInput
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const current = await positionOrFail(tx, personId, positionId);
		const stale = () => new StaleRecord(toPositionFormValues(current), m.positions_error_stale());
		if (current.version !== version) throw stale();
		await checkOrganization(tx, input);
		const next = positionColumns(input);
		const diff = diffColumns(current, next);
		if (!diff.changed) return;
		const now = new Date().toISOString();
		if (!(await updatePositionRow(tx, positionId, version, { ...next, updated_at: now }))) throw stale();
		const realigned = await alignPostsAtEvents(tx, { personIds: [personId] }, now);
		await recordAction(tx, actor, {
			action: 'person.position.update',
			entityType: 'person',
			entityId: personId,
			before: { positionId, ...diff.before },
			after: { positionId, ...diff.after, ...(realigned.length > 0 ? { postsAtEvents: realigned } : {}) }
		});
	});
}

/**
 * Removes a post from a person's history. Participations keep the post they have; those another post
 * covers take that one.
 */
export async function removePersonPosition(
	db: Kysely<Database>,
	actor: Actor,
	personId: number,
	positionId: number
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const current = await positionOrFail(tx, personId, positionId);
		await deletePosition(tx, positionId);
		const realigned = await alignPostsAtEvents(tx, { personIds: [personId] });
		await recordAction(tx, actor, {
			action: 'person.position.remove',
			entityType: 'person',
			entityId: personId,
			before: {
				positionId,
				position: current.position,
				position_locale: current.position_locale,
				position_az: current.position_az,
				position_en: current.position_en,
				position_ru: current.position_ru,
				organization_id: current.organization_id,
				rank: current.rank,
				from_on: current.from_on,
				to_on: current.to_on,
				notes: current.notes
			},
			...(realigned.length > 0 ? { after: { postsAtEvents: realigned } } : {})
		});
	});
}
