/**
 * Loading the demo data set (db/demo) into an empty database: everything in one transaction with one
 * audit entry, the same on SQLite and PostgreSQL. Records name each other by key; keys become the ids
 * the database generates as the rows go in.
 */
import type { Kysely, Transaction } from 'kysely';
import { demoDataSet } from '../../../../db/demo';
import type { DemoTopic } from '../../../../db/demo/topics';
import type { DemoVisit } from '../../../../db/demo/visits';
import type { CalendarDate, DemoDataSet, DemoVersions, LocalDateTime } from '../../../../db/demo/types';
import { versionColumns } from '../content/content-versions.input';
import { zonedToInstant } from '../../format/datetime';
import { AGREEMENT_LETTERS, AGREEMENT_PARTIES, insertAgreement } from '../agreements/agreement.repository';
import { recordAction, systemActor } from '../audit/audit';
import { officeToday } from '../calendar/calendar.settings';
import {
	insertCorrespondence,
	replaceCorrespondenceEvents
} from '../correspondence/correspondence.repository';
import { replaceLinks, type LinkTable } from '../db/links';
import type { Database } from '../db/schema';
import {
	insertAgendaItemRow,
	insertAgendaRoleRows,
	insertEventRow,
	insertEventSeries,
	insertParticipantRow,
	replaceEventHosts
} from '../events/event.repository';
import { insertOrganization } from '../organizations/organization.repository';
import { insertOutcome, insertOutcomeFollowUps, replaceOutcomeParties } from '../outcomes/outcome.repository';
import { insertDelegations } from '../participants/participant.repository';
import { insertPerson } from '../people/person.repository';
import { insertProject, PROJECT_LINKS, PROJECT_PARTNERS } from '../projects/project.repository';
import { insertPosition } from '../people/person-position.repository';
import { alignPostsAtEvents } from '../people/person-position.service';
import { nameKey } from '../search/search.text';
import { insertTopic } from '../topics/topic.repository';
import { writeGeneratedPlan } from '../seating/seating.service';
import { insertVenue } from '../venues/venue.repository';
import { insertVisit, insertVisitItem, replaceVisitMembers } from '../visits/visit.repository';
import { hasRows } from './demo.repository';

export interface DemoLoadResult {
	loaded: boolean;
	/** Rows written per table; empty when nothing was loaded. */
	counts: Record<string, number>;
}

/** True when the database holds no event and no organization: the demo data may be loaded. */
export async function isDatabaseEmpty(db: Kysely<Database> | Transaction<Database>): Promise<boolean> {
	// One after the other: inside a transaction both run on its one connection.
	return !(await hasRows(db, 'event')) && !(await hasRows(db, 'organization'));
}

/**
 * Loads the demo data when the database holds no event or organization; otherwise writes nothing.
 * Should two servers start on one empty database at once, one loads and the other finds it full.
 */
export async function loadDemoData(
	db: Kysely<Database>,
	data: DemoDataSet = demoDataSet,
	{ now = new Date() }: { now?: Date } = {}
): Promise<DemoLoadResult> {
	try {
		const counts = await db.transaction().execute(async (tx) => {
			if (!(await isDatabaseEmpty(tx))) return null;
			const written = await insertDataSet(tx, data, now);
			await recordAction(tx, systemActor('demo data loader'), {
				action: 'demo.load',
				entityType: 'database',
				after: written
			});
			return written;
		});
		return counts ? { loaded: true, counts } : { loaded: false, counts: {} };
	} catch (error) {
		// Another process loaded it between our check and our writes (PostgreSQL): ours rolled back.
		const empty = await isDatabaseEmpty(db).catch(() => true);
		if (!empty) return { loaded: false, counts: {} };
		throw error;
	}
}

/** Key → generated id, failing loudly on a key the data set never defined. */
class Ids {
	readonly #ids = new Map<string, number>();
	constructor(readonly kind: string) {}

	set(key: string, id: number): void {
		if (this.#ids.has(key)) throw new Error(`Demo data: duplicate ${this.kind} key "${key}"`);
		this.#ids.set(key, id);
	}

	get(key: string): number {
		const id = this.#ids.get(key);
		if (id === undefined) throw new Error(`Demo data: unknown ${this.kind} key "${key}"`);
		return id;
	}

	/** For optional references: null stays null. */
	maybe(key: string | null | undefined): number | null {
		return key == null ? null : this.get(key);
	}
}

async function insertDataSet(
	tx: Transaction<Database>,
	data: DemoDataSet,
	loadedAt: Date
): Promise<Record<string, number>> {
	const now = loadedAt.toISOString();
	const stamps = { created_at: now, updated_at: now };
	const counts: Record<string, number> = {
		organization: 0,
		person: 0,
		person_position: 0,
		venue: 0,
		event_series: 0,
		event: 0,
		event_organization: 0,
		delegation: 0,
		event_participant: 0,
		agenda_item: 0,
		agenda_item_role: 0,
		outcome: 0,
		outcome_party: 0,
		outcome_follow_up: 0,
		correspondence: 0,
		correspondence_event: 0,
		agreement: 0,
		agreement_party: 0,
		agreement_correspondence: 0,
		project: 0,
		project_partner: 0,
		project_event: 0,
		project_outcome: 0,
		project_correspondence: 0,
		project_agreement: 0
	};
	const count = (table: string, n = 1) => {
		counts[table] = (counts[table] ?? 0) + n;
	};

	const organizations = new Ids('organization');
	for (const o of data.organizations) {
		const { id } = await insertOrganization(tx, {
			name: o.name,
			...demoVersions('name', o.nameVersions),
			acronym: o.acronym ?? null,
			kind: o.kind,
			country_code: o.countryCode ?? null,
			// Parents come first in the list, so their ids are known.
			parent_id: organizations.maybe(o.parent),
			city: o.city ?? null,
			website: o.website ?? null,
			notes: o.notes ?? null,
			...stamps
		});
		organizations.set(o.key, id);
		count('organization');
	}

	const people = new Ids('person');
	for (const p of data.people) {
		const { id } = await insertPerson(tx, {
			honorific: p.honorific ?? null,
			given_name: p.givenName,
			family_name: p.familyName,
			native_name: p.nativeName ?? null,
			name_key: nameKey(p.givenName, p.familyName),
			rank: p.rank ?? null,
			position: p.position ?? null,
			...demoVersions(
				'position',
				p.positionVersions ?? p.positions?.find((post) => post.position === p.position)?.positionVersions
			),
			organization_id: organizations.maybe(p.organization),
			heads_organization: 'headsOrganization' in p && p.headsOrganization ? 1 : 0,
			email: null,
			phone: null,
			contact_public: 0,
			notes: p.notes ?? null,
			...stamps
		});
		people.set(p.key, id);
		count('person');
		for (const post of p.positions ?? []) {
			await insertPosition(tx, {
				person_id: id,
				position: post.position,
				...demoVersions('position', post.positionVersions),
				organization_id: organizations.maybe(post.organization),
				rank: post.rank ?? null,
				from_on: post.from ?? null,
				to_on: post.to ?? null,
				notes: post.notes ?? null,
				...stamps
			});
			count('person_position');
		}
	}

	const venues = new Ids('venue');
	for (const v of data.venues) {
		const { id } = await insertVenue(tx, {
			name: v.name,
			address: v.address ?? null,
			city: v.city,
			country_code: v.countryCode,
			time_zone: v.timeZone,
			notes: v.notes ?? null,
			...stamps
		});
		venues.set(v.key, id);
		count('venue');
	}

	const series = new Ids('series');
	for (const s of data.series) {
		const { id } = await insertEventSeries(tx, {
			name: s.name,
			description: s.description ?? null,
			...stamps
		});
		series.set(s.key, id);
		count('event_series');
	}

	const events = new Ids('event');
	const upcoming = data.upcoming?.(officeToday(loadedAt) as CalendarDate) ?? [];
	for (const e of [...data.events, ...upcoming]) {
		const at = (local: LocalDateTime) => zonedToInstant(local, e.timeZone);
		const { id: eventId } = await insertEventRow(tx, {
			kind: e.kind,
			title: e.title,
			...demoVersions('title', e.titleVersions),
			theme: e.theme ?? null,
			description: e.description,
			start_at: at(e.start),
			end_at: at(e.end),
			time_zone: e.timeZone,
			timing: e.timing,
			venue_id: venues.maybe(e.venue),
			online_url: null,
			status: e.status,
			status_reason: null,
			series_id: series.maybe(e.series),
			is_public: e.isPublic,
			all_day: e.allDay ? 1 : 0,
			ical_uid: `demo-${e.key}@protokol.local`,
			ical_sequence: 0,
			...stamps
		});
		events.set(e.key, eventId);
		count('event');

		await replaceEventHosts(
			tx,
			eventId,
			e.hosts.map((h) => ({ organizationId: organizations.get(h.organization), role: h.role }))
		);
		count('event_organization', e.hosts.length);

		const delegations = new Ids(`delegation of event "${e.key}"`);
		for (const [position, d] of (e.delegations ?? []).entries()) {
			const [created] = await insertDelegations(tx, [
				{
					event_id: eventId,
					name: d.name,
					organization_id: organizations.maybe(d.organization),
					position
				}
			]);
			delegations.set(d.name, created!.id);
			count('delegation');
		}

		const participants = new Ids(`participant of event "${e.key}"`);
		for (const p of e.participants ?? []) {
			const { id } = await insertParticipantRow(tx, {
				event_id: eventId,
				person_id: people.get(p.person),
				role: p.role,
				delegation_id: delegations.maybe(p.delegation),
				position_at_event: p.positionAtEvent ?? null,
				rank_at_event: p.rankAtEvent ?? null,
				organization_id: organizations.maybe(p.organization),
				precedence: null,
				rsvp_status: p.answer ?? 'attended',
				invited_at: p.answer ? now : null,
				responded_at: p.answer && p.answer !== 'invited' ? now : null,
				notes: p.notes ?? null,
				...stamps
			});
			participants.set(p.person, id);
			count('event_participant');
		}
		if (e.seating) {
			await writeGeneratedPlan(tx, systemActor('demo data loader'), eventId, null, e.seating, loadedAt);
			count('seating_plan');
		}

		for (const [index, item] of (e.agenda ?? []).entries()) {
			const startAt = item.start ? at(item.start) : null;
			const endAt = item.end ? at(item.end) : null;
			const { id: itemId } = await insertAgendaItemRow(tx, {
				event_id: eventId,
				position: index + 1,
				kind: item.kind,
				title: item.title,
				// The demo's agenda is written in English, as the seeds give it: said, so that a reader in another
				// language sees the fallback marked where an item has no version in theirs.
				...demoVersions('title', item.titleVersions ?? { original: 'en' }),
				start_at: startAt,
				end_at: endAt,
				// As the migration that brought durations backfills them: the minutes between start and end.
				duration_minutes:
					startAt && endAt && endAt > startAt ? (Date.parse(endAt) - Date.parse(startAt)) / 60_000 : null,
				notes: item.notes ?? null,
				is_published: 1,
				...stamps
			});
			count('agenda_item');
			const roles = item.roles ?? [];
			await insertAgendaRoleRows(
				tx,
				roles.map((r, position) => ({
					agenda_item_id: itemId,
					participant_id: participants.get(r.person),
					role: r.role,
					position
				}))
			);
			count('agenda_item_role', roles.length);
		}
	}

	const outcomes = new Ids('outcome');
	for (const o of data.outcomes) {
		const { id: outcomeId } = await insertOutcome(tx, {
			event_id: events.maybe(o.event),
			kind: o.kind,
			title: o.title,
			text: o.text ?? null,
			owner_person_id: people.maybe(o.ownerPerson),
			owner_organization_id: organizations.maybe(o.ownerOrganization),
			due_on: o.dueOn ?? null,
			status: o.status,
			...stamps
		});
		outcomes.set(o.key, outcomeId);
		count('outcome');
		const parties = o.parties ?? [];
		await replaceOutcomeParties(
			tx,
			outcomeId,
			parties.map((key) => organizations.get(key))
		);
		count('outcome_party', parties.length);
		const followUps = o.followUps ?? [];
		await insertOutcomeFollowUps(
			tx,
			followUps.map((f) => ({ outcome_id: outcomeId, event_id: events.get(f.event), note: f.note ?? null }))
		);
		count('outcome_follow_up', followUps.length);
	}

	// A document answers or transmits one listed before it, so its id is known.
	const documents = new Ids('correspondence');
	for (const c of data.correspondence) {
		const { id } = await insertCorrespondence(tx, {
			kind: c.kind,
			direction: c.direction,
			reply_expected: c.replyExpected ? 1 : 0,
			in_reply_to_id: documents.maybe(c.inReplyTo),
			transmits_id: documents.maybe(c.transmits),
			reference_number: c.referenceNumber ?? null,
			dated_on: c.datedOn,
			place: c.place ?? null,
			sender_organization_id: organizations.maybe(c.sender),
			recipient_organization_id: organizations.maybe(c.recipient),
			signatory_person_id: people.maybe(c.signatory),
			addressee_person_id: people.maybe(c.addressee),
			subject: c.subject,
			summary: c.summary ?? null,
			...stamps
		});
		documents.set(c.key, id);
		count('correspondence');
		const links = c.events ?? [];
		await replaceCorrespondenceEvents(
			tx,
			id,
			links.map((l) => ({ eventId: events.get(l.event), link: l.link }))
		);
		count('correspondence_event', links.length);
	}
	/** Links from a new record to others, by key, each counted in its table. */
	const link = async (table: LinkTable, ownerId: number, targetIds: number[]) => {
		await replaceLinks(tx, table, ownerId, targetIds);
		count(table.table, targetIds.length);
	};

	const agreements = new Ids('agreement');
	for (const a of data.agreements) {
		const { id } = await insertAgreement(tx, {
			title: a.title,
			summary: a.summary ?? null,
			signed_on: a.signedOn ?? null,
			signed_undated: a.signedUndated ? 1 : 0,
			signed_place: a.signedPlace ?? null,
			signed_event_id: events.maybe(a.signedEvent),
			approved_on: a.approvedOn ?? null,
			approval_act: a.approvalAct ?? null,
			in_force_on: a.inForceOn ?? null,
			in_force_until: null,
			terminated_on: null,
			...stamps
		});
		agreements.set(a.key, id);
		count('agreement');
		await link(
			AGREEMENT_PARTIES,
			id,
			a.parties.map((key) => organizations.get(key))
		);
		await link(
			AGREEMENT_LETTERS,
			id,
			(a.letters ?? []).map((key) => documents.get(key))
		);
	}

	for (const p of data.projects) {
		const { id } = await insertProject(tx, {
			title: p.title,
			programme: p.programme ?? null,
			state: p.state,
			start_on: p.start?.on ?? null,
			start_precision: p.start?.precision ?? null,
			end_on: p.end?.on ?? null,
			end_precision: p.end?.precision ?? null,
			focal_person_id: people.maybe(p.focalPerson),
			description: p.description ?? null,
			...stamps
		});
		count('project');
		await link(
			PROJECT_PARTNERS,
			id,
			p.partners.map((key) => organizations.get(key))
		);
		await link(
			PROJECT_LINKS.event,
			id,
			(p.events ?? []).map((key) => events.get(key))
		);
		await link(
			PROJECT_LINKS.outcome,
			id,
			(p.outcomes ?? []).map((key) => outcomes.get(key))
		);
		await link(
			PROJECT_LINKS.correspondence,
			id,
			(p.correspondence ?? []).map((key) => documents.get(key))
		);
		await link(
			PROJECT_LINKS.agreement,
			id,
			(p.agreements ?? []).map((key) => agreements.get(key))
		);
	}

	await insertDemoTopics(tx, data.topics ?? [], { events, outcomes }, stamps, count);
	await insertDemoVisits(tx, data.visits ?? [], { events, people, organizations }, stamps, count);

	// Where a person's history covers an event's date, the participant holds that post (as on every write).
	await alignPostsAtEvents(tx, {
		personIds: data.people.filter((p) => p.positions).map((p) => people.get(p.key))
	});
	return counts;
}

/** A meeting's topics, numbered 1, 2, 3 … per meeting in the order listed, each with what it became. */
async function insertDemoTopics(
	tx: Transaction<Database>,
	topics: readonly DemoTopic[],
	ids: { events: Ids; outcomes: Ids },
	stamps: { created_at: string; updated_at: string },
	count: (table: string) => void
) {
	const positions = new Map<number, number>();
	for (const t of topics) {
		const eventId = ids.events.get(t.event);
		const position = (positions.get(eventId) ?? 0) + 1;
		positions.set(eventId, position);
		await insertTopic(tx, {
			event_id: eventId,
			position,
			title: t.title,
			raised_by: t.raisedBy,
			our_position: t.ourPosition ?? null,
			talking_points: t.talkingPoints ?? null,
			expected_questions: t.expectedQuestions ?? null,
			discussion: t.discussion ?? null,
			outcome_id: ids.outcomes.maybe(t.outcome),
			...stamps
		});
		count('topic');
	}
}

/** A visit, its delegation, and its programme in the order listed (each item for the whole delegation). */
async function insertDemoVisits(
	tx: Transaction<Database>,
	visits: readonly DemoVisit[],
	ids: { events: Ids; people: Ids; organizations: Ids },
	stamps: { created_at: string; updated_at: string },
	count: (table: string, n?: number) => void
) {
	for (const v of visits) {
		const { id } = await insertVisit(tx, {
			title: v.title,
			kind: v.kind,
			organization_id: ids.organizations.get(v.organization),
			host_organization_id: ids.organizations.get(v.host),
			starts_on: v.startsOn,
			ends_on: v.endsOn,
			time_zone: v.timeZone,
			timing: v.timing,
			notes: v.notes,
			...stamps
		});
		count('visit');
		await replaceVisitMembers(
			tx,
			id,
			v.members.map((key) => ids.people.get(key))
		);
		count('visit_member', v.members.length);
		for (const [position, item] of v.items.entries()) {
			const logistics = item.start && item.end;
			await insertVisitItem(tx, {
				visit_id: id,
				position,
				kind: item.kind,
				event_id: ids.events.maybe(item.event),
				title: item.title ?? null,
				start_at: logistics ? zonedToInstant(item.start!, v.timeZone) : null,
				end_at: logistics ? zonedToInstant(item.end!, v.timeZone) : null,
				time_zone: logistics ? v.timeZone : null,
				timing: item.timing ?? 'exact',
				notes: item.notes ?? null,
				...stamps
			});
			count('visit_item');
		}
	}
}

/** A demo text's versions in other languages, as its columns (none: all null). */
function demoVersions<C extends string>(column: C, versions: DemoVersions | undefined) {
	return versionColumns(column, {
		locale: versions?.original ?? null,
		az: versions?.az ?? null,
		en: versions?.en ?? null,
		ru: versions?.ru ?? null
	});
}
