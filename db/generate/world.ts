/**
 * The made-up office itself, with no database: the directory, then events in chunks, letters, and
 * agreements, projects and calendar feeds, each part as rows ready to insert, from one seeded source of
 * chance, so that the same seed and scale give the same rows in the same order. `produce` runs on a worker
 * thread during a large load (world.worker.ts), while the main thread writes what it made before.
 */
import { DateTime } from 'luxon';
import { hashSecret } from '../../src/lib/server/auth/tokens';
import type { DatedRecord, RecordLink } from '../../src/lib/server/dossier/dossier.repository';
import { chooserWords } from '../../src/lib/server/choosers/chooser.words';
import { dossierEntriesOf } from '../../src/lib/server/dossier/dossier.entries';
import type { SearchDocument } from '../../src/lib/server/search/search.repository';
import {
	agreementDocument,
	correspondenceDocument,
	organizationDocument,
	projectDocument
} from '../../src/lib/server/search/search.documents';
import { sortKey } from '../../src/lib/format/collation';
import { nameKey } from '../../src/lib/server/search/search.text';
import type {
	AgendaItemKind,
	AgendaRole,
	CorrespondenceKind,
	DossierKind,
	EventKind,
	EventStatus,
	OutcomeKind,
	OutcomeStatus,
	ParticipantRole,
	ProjectProgramme,
	RsvpStatus
} from '../../src/lib/vocabulary';
import { capitalise, generateDirectory, type Directory } from './directory';
import { datedInZone, DocumentMaker } from './documents';
import type { TableName, Value } from './generate.repository';
import { Random } from './random';
import { AGENDA_TITLES, EVENT_TITLE_FORMS, HOME_CITY, SUBJECTS, TOPIC_POSITIONS } from './words';

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2000, 0, 1);
const LAST_DAY = Date.UTC(2030, 0, 1);
/** The generated office's "today": fixed, so that statuses do not depend on when it runs. */
export const TODAY = Date.UTC(2026, 11, 1);
/** Events generated and written at a time. */
const CHUNK = 5_000;

const iso = (ms: number) => new Date(ms).toISOString();
export const isoDate = (ms: number) => iso(ms).slice(0, 10);

const EVENT_KINDS: [EventKind, number][] = [
	['bilateral_meeting', 30],
	['multilateral_meeting', 14],
	['official_visit', 7],
	['working_visit', 8],
	['forum', 8],
	['training', 8],
	['council_session', 5],
	['signing_ceremony', 4],
	['reception', 4],
	['observance', 3],
	['debrief', 5],
	['other', 4]
];
const PAST_STATUSES: [EventStatus, number][] = [
	['held', 90],
	['cancelled', 7],
	['postponed', 3]
];
const FUTURE_STATUSES: [EventStatus, number][] = [
	['planned', 40],
	['confirmed', 40],
	['draft', 15],
	['cancelled', 3],
	['postponed', 2]
];
const MIDDLE_ITEMS: [AgendaItemKind, number][] = [
	['speech', 40],
	['presentation', 20],
	['exchange_of_views', 15],
	['panel', 8],
	['video_message', 4],
	['break', 8],
	['signing', 5]
];
const ROLE_OF_ITEM: Partial<Record<AgendaItemKind, AgendaRole>> = {
	opening_remarks: 'chair',
	speech: 'speaker',
	presentation: 'presenter',
	exchange_of_views: 'speaker',
	panel: 'moderator',
	video_message: 'video_message',
	signing: 'speaker',
	closing: 'chair'
};
const OTHER_PARTICIPANT_ROLES: ParticipantRole[] = [
	'delegation_member',
	'speaker',
	'observer',
	'press',
	'guest'
];
const PAST_RESPONSES: [RsvpStatus, number][] = [
	['attended', 85],
	['no_show', 5],
	['declined', 10]
];
const FUTURE_RESPONSES: [RsvpStatus, number][] = [
	['invited', 35],
	['accepted', 40],
	['tentative', 10],
	['declined', 15]
];
/** Agenda items per event, about five on average. */
const AGENDA_LENGTHS: [number, number][] = [
	[1, 3],
	[2, 6],
	[3, 12],
	[4, 18],
	[5, 22],
	[6, 16],
	[7, 12],
	[8, 7],
	[9, 4]
];
const LETTER_KINDS: [CorrespondenceKind, number][] = [
	['note_verbale', 35],
	['letter', 30],
	['invitation', 12],
	['memorandum', 6],
	['email', 10],
	['report', 5],
	['other', 2]
];

/** Columns in the order each row array gives them. */
export const COLUMNS = {
	organization: [
		'id',
		'name',
		'acronym',
		'kind',
		'country_code',
		'parent_id',
		'city',
		'website',
		'notes',
		'sort_key',
		'created_at',
		'updated_at'
	],
	person: [
		'id',
		'honorific',
		'given_name',
		'family_name',
		'native_name',
		'rank',
		'position',
		'organization_id',
		'email',
		'phone',
		'notes',
		'heads_organization',
		'precedence_level',
		'name_key',
		'sort_key',
		'created_at',
		'updated_at'
	],
	person_position: [
		'id',
		'person_id',
		'position',
		'organization_id',
		'rank',
		'from_on',
		'to_on',
		'notes',
		'created_at',
		'updated_at'
	],
	venue: [
		'id',
		'name',
		'address',
		'city',
		'country_code',
		'time_zone',
		'notes',
		'sort_key',
		'created_at',
		'updated_at'
	],
	event_series: ['id', 'name', 'description', 'created_at', 'updated_at'],
	event: [
		'id',
		'kind',
		'title',
		'theme',
		'description',
		'start_at',
		'end_at',
		'time_zone',
		'timing',
		'venue_id',
		'online_url',
		'status',
		'status_reason',
		'series_id',
		'is_public',
		'ical_uid',
		'created_at',
		'updated_at'
	],
	event_organization: ['event_id', 'organization_id', 'role', 'position'],
	delegation: ['id', 'event_id', 'name', 'organization_id', 'position'],
	event_participant: [
		'id',
		'event_id',
		'person_id',
		'role',
		'delegation_id',
		'position_at_event',
		'rank_at_event',
		'organization_id',
		'precedence',
		'rsvp_status',
		'invited_at',
		'responded_at',
		'event_start_at',
		'created_at',
		'updated_at'
	],
	agenda_item: [
		'id',
		'event_id',
		'position',
		'kind',
		'title',
		'duration_minutes',
		'is_published',
		'created_at',
		'updated_at'
	],
	agenda_item_role: ['agenda_item_id', 'participant_id', 'role', 'position'],
	outcome: [
		'id',
		'event_id',
		'kind',
		'title',
		'text',
		'owner_person_id',
		'owner_organization_id',
		'due_on',
		'status',
		'responsible_user_id',
		'created_at',
		'updated_at'
	],
	outcome_party: ['outcome_id', 'organization_id'],
	outcome_status_change: [
		'id',
		'outcome_id',
		'from_status',
		'to_status',
		'note',
		'changed_by_user_id',
		'changed_at'
	],
	topic: [
		'id',
		'event_id',
		'position',
		'title',
		'raised_by',
		'our_position',
		'talking_points',
		'discussion',
		'outcome_id',
		'created_at',
		'updated_at'
	],
	correspondence: [
		'id',
		'kind',
		'reference_number',
		'dated_on',
		'place',
		'sender_organization_id',
		'recipient_organization_id',
		'signatory_person_id',
		'addressee_person_id',
		'subject',
		'summary',
		'direction',
		'reply_expected',
		'in_reply_to_id',
		'transmits_id',
		'created_at',
		'updated_at'
	],
	correspondence_event: ['correspondence_id', 'event_id', 'link'],
	agreement: [
		'id',
		'title',
		'summary',
		'signed_on',
		'signed_place',
		'signed_event_id',
		'approved_on',
		'approval_act',
		'in_force_on',
		'in_force_until',
		'created_at',
		'updated_at'
	],
	agreement_party: ['agreement_id', 'organization_id'],
	agreement_correspondence: ['agreement_id', 'correspondence_id'],
	project: [
		'id',
		'title',
		'programme',
		'state',
		'start_on',
		'start_precision',
		'end_on',
		'end_precision',
		'focal_person_id',
		'description',
		'created_at',
		'updated_at'
	],
	project_partner: ['project_id', 'organization_id'],
	project_event: ['project_id', 'event_id'],
	project_outcome: ['project_id', 'outcome_id'],
	project_correspondence: ['project_id', 'correspondence_id'],
	project_agreement: ['project_id', 'agreement_id'],
	calendar_feed: ['id', 'secret_hash', 'name', 'person_id', 'organization_id', 'created_at'],
	search_document: ['id', 'entity_type', 'entity_id', 'title', 'detail', 'body', 'title_terms', 'body_terms'],
	chooser_word: ['entity_type', 'word', 'entity_id'],
	dossier_entry: [
		'organization_id',
		'record_type',
		'record_id',
		'occurred_at',
		'year',
		'direct',
		'via_organization_id',
		'role'
	]
} as const satisfies Partial<Record<TableName, readonly string[]>>;

export type Rows = { [T in keyof typeof COLUMNS]: Value[][] };

function emptyRows(): Rows {
	return Object.fromEntries(Object.keys(COLUMNS).map((table) => [table, []])) as unknown as Rows;
}

/** The word that appears in one event only: a search for it finds exactly that event. */
export const RARE_WORD = 'petroglyphs';

export interface Scale {
	events: number;
	people: number;
	organizations: number;
	series: number;
}

/** What a worker thread that makes the office is given (world.worker.ts). */
export interface WorldInput {
	seed: string;
	scale: Scale;
	officerId: number | null;
	/** One Int32: how many parts the main thread has written. */
	written: SharedArrayBuffer;
}

/** A part of the office, and the stage it completes, if any (for the progress lines). */
export interface Part {
	rows: Rows;
	stage?: string;
}

/** What the landmarks need to know of what was made. */
export interface Made {
	heavyPerson: { id: number; name: string; events: number; feedToken: string };
	umbrella: { id: number; name: string; organizations: number; feedToken: string };
	longAgendaEventId: number;
}

/** The whole office, part by part, in the order its rows are to be written. */
export function* produce(seed: string, scale: Scale, officerId: number | null): Generator<Part, Made> {
	const random = new Random(seed);
	const directory = generateDirectory(random, scale);
	yield { rows: writeDirectory(directory), stage: 'directory' };

	const world = new World(random, directory, scale, officerId, seed);
	const events = scale.events;
	for (let first = 1; first <= events; first += CHUNK) {
		const last = Math.min(events, first + CHUNK - 1);
		const report = last % (CHUNK * 10) === 0 || last === events;
		yield {
			rows: world.eventsFrom(first, last),
			stage: report ? `events ${last.toLocaleString('en')}/${events.toLocaleString('en')}` : undefined
		};
	}
	const letters = world.letters(Math.max(10, Math.round(events / 5)));
	for (let start = 0; start < letters.length; start += CHUNK * 4) {
		const end = start + CHUNK * 4;
		yield {
			rows: world.lettersChunk(letters.slice(start, end)),
			stage: end >= letters.length ? 'correspondence' : undefined
		};
	}
	const tail = world.agreementsAndProjects(
		Math.max(10, Math.round(events / 1000)),
		Math.max(10, Math.round(events / 2000))
	);
	yield { rows: tail.rows, stage: 'agreements, projects and feeds' };

	const heavy = directory.people[0]!;
	return {
		heavyPerson: {
			id: heavy.id,
			name: `${heavy.givenName} ${heavy.familyName}`,
			events: world.heavyEvents,
			feedToken: tail.personFeedToken
		},
		umbrella: {
			id: directory.umbrellaId,
			name: directory.organizations[directory.umbrellaId - 1]!.name,
			organizations: directory.umbrellaTree.length,
			feedToken: tail.umbrellaFeedToken
		},
		longAgendaEventId: world.longAgendaEventId
	};
}

function writeDirectory(d: Directory): Rows {
	const rows = emptyRows();
	const stamp = iso(FIRST_DAY - 30 * DAY);
	const documents: SearchDocument[] = [];
	for (const o of d.organizations) {
		const website = o.acronym ? `https://www.${o.acronym.toLowerCase()}.example.org` : null;
		rows.organization.push([
			o.id,
			o.name,
			o.acronym,
			o.kind,
			o.countryCode,
			o.parentId,
			o.city,
			website,
			null,
			sortKey(o.name),
			stamp,
			stamp
		]);
		documents.push(
			organizationDocument({
				id: o.id,
				name: o.name,
				name_az: null,
				name_en: null,
				name_ru: null,
				acronym: o.acronym,
				kind: o.kind,
				city: o.city,
				notes: null
			})
		);
	}
	let positionId = 0;
	const people = new DocumentMaker();
	for (const p of d.people) {
		const email = p.id % 3 === 0 ? `person${p.id}@example.org` : null;
		rows.person.push([
			p.id,
			p.honorific,
			p.givenName,
			p.familyName,
			p.nativeName,
			p.rank,
			p.position,
			p.organizationId,
			email,
			null,
			null,
			p.headsOrganization ? 1 : 0,
			p.precedence,
			nameKey(p.givenName, p.familyName),
			sortKey(p.familyName, p.givenName),
			stamp,
			stamp
		]);
		documents.push(
			people.person({
				id: p.id,
				honorific: p.honorific,
				given_name: p.givenName,
				family_name: p.familyName,
				native_name: p.nativeName,
				rank: p.rank,
				position: p.position,
				position_az: null,
				position_en: null,
				position_ru: null,
				notes: null
			})
		);
		// Every tenth person held an earlier post.
		if (p.id % 10 === 0) {
			const from = FIRST_DAY + (p.id % 3000) * DAY;
			rows.person_position.push([
				++positionId,
				p.id,
				'Adviser',
				p.organizationId,
				null,
				isoDate(from),
				isoDate(from + 700 * DAY),
				null,
				stamp,
				stamp
			]);
		}
	}
	for (const v of d.venues) {
		rows.venue.push([
			v.id,
			v.name,
			null,
			v.city[0],
			v.city[1],
			v.city[2],
			null,
			sortKey(v.name),
			stamp,
			stamp
		]);
	}
	pushChooserWords(
		rows,
		[],
		d.venues.map((v) => ({ id: v.id, name: v.name, city: v.city[0] }))
	);
	for (const s of d.series) {
		rows.event_series.push([s.id, s.name, `Recurring ${s.kind.replace(/_/g, ' ')}`, stamp, stamp]);
	}
	pushDocuments(rows, documents, { next: 1 });
	return rows;
}

/** search_document ids run across chunks. */
interface DocumentIds {
	next: number;
}

function pushDocuments(rows: Rows, documents: SearchDocument[], ids: DocumentIds) {
	for (const doc of documents) {
		rows.search_document.push([
			ids.next++,
			doc.entity_type,
			doc.entity_id,
			doc.title,
			doc.detail,
			doc.body,
			doc.title_terms,
			doc.body_terms
		]);
	}
	pushChooserWords(rows, documents, []);
}

/** The words the forms' choosers find people, organisations, letters and venues by, as the app keeps them. */
function pushChooserWords(
	rows: Rows,
	documents: SearchDocument[],
	venues: Parameters<typeof chooserWords>[1]
) {
	for (const w of chooserWords(documents, venues))
		rows.chooser_word.push([w.entity_type, w.word, w.entity_id]);
}

function pushDossier(
	rows: Rows,
	kind: DossierKind,
	records: DatedRecord[],
	links: RecordLink[],
	d: Directory
) {
	for (const e of dossierEntriesOf(kind, records, links, d.ancestries)) {
		rows.dossier_entry.push([
			e.organization_id,
			e.record_type,
			e.record_id,
			e.occurred_at,
			e.year,
			e.direct,
			e.via_organization_id,
			e.role
		]);
	}
}

interface EventSketch {
	id: number;
	start: number;
	hostId: number;
	partnerId: number;
	hostIds: number[];
	outcomeIds: number[];
}

/** Makes events, letters, agreements and projects; keeps the running ids and what later parts refer to. */
class World {
	heavyEvents = 0;
	longAgendaEventId: number;
	#ids = {
		delegation: 0,
		participant: 0,
		agenda: 0,
		outcome: 0,
		statusChange: 0,
		topic: 0,
		letter: 0,
		agreement: 0,
		project: 0
	};
	#documents: DocumentIds;
	#heavyEvery: number;
	/** What letters, agreements and projects link to: a sample of events, in id (and so time) order. */
	#sample: EventSketch[] = [];
	#offsets = new Map<string, number>();
	#documentMaker = new DocumentMaker();

	constructor(
		private readonly random: Random,
		private readonly d: Directory,
		private readonly scale: { events: number },
		private readonly officerId: number | null,
		private readonly seed: string
	) {
		this.#documents = { next: d.organizations.length + d.people.length + 1 };
		this.#heavyEvery = Math.max(3, Math.floor(scale.events / 10_000));
		// The first upcoming event, near 90 % of the way through the ids.
		this.longAgendaEventId = Math.min(
			scale.events,
			Math.ceil(((TODAY - FIRST_DAY) / (LAST_DAY - FIRST_DAY)) * scale.events) + 1
		);
	}

	/** The offset from UTC of a zone in a month, in minutes (cached: luxon's zone maths are slow). */
	#offset(zone: string, ms: number): number {
		const key = `${zone}|${Math.floor(ms / (DAY * 30))}`;
		let offset = this.#offsets.get(key);
		if (offset === undefined) {
			offset = DateTime.fromMillis(ms, { zone }).offset;
			this.#offsets.set(key, offset);
		}
		return offset;
	}

	#person(orgId: number, taken: Set<number>): number {
		const list = this.d.peopleOf.get(orgId);
		for (let attempt = 0; attempt < 4; attempt++) {
			const id =
				list && list.length > 0 ? this.random.pick(list) : this.random.between(1, this.d.people.length);
			if (!taken.has(id)) return id;
		}
		for (;;) {
			const id = this.random.between(1, this.d.people.length);
			if (!taken.has(id)) return id;
		}
	}

	#partner(): number {
		const r = this.random;
		// One meeting in twelve is with the umbrella or a body under it: its dossier grows large.
		return r.chance(1 / 12) ? r.pick(this.d.umbrellaTree) : r.pick(this.d.partnerIds);
	}

	eventsFrom(first: number, last: number): Rows {
		const rows = emptyRows();
		const r = this.random;
		const d = this.d;
		const span = LAST_DAY - FIRST_DAY;
		const documents: SearchDocument[] = [];
		const eventRecords: DatedRecord[] = [];
		const eventLinks: RecordLink[] = [];
		const outcomeRecords: DatedRecord[] = [];
		const outcomeLinks: RecordLink[] = [];
		for (let id = first; id <= last; id++) {
			const longAgenda = id === this.longAgendaEventId;
			const series = r.chance(0.2) ? r.pick(d.series) : null;
			const kind = longAgenda
				? 'forum'
				: ((series?.kind as EventKind | undefined) ?? r.weighted(EVENT_KINDS));
			const home = longAgenda || r.chance(0.75);
			const city = home ? HOME_CITY : r.pick(d.venues).city;
			const online = r.chance(0.08);
			const venue = online ? null : r.pick(d.venuesIn.get(city[0])!);
			const zone = city[2];
			const day = FIRST_DAY + Math.floor(((id - 1 + r.next()) / this.scale.events) * (span / DAY)) * DAY;
			const localDate = isoDate(day);
			// Between 08:00 and 18:00 on that day in the event's zone.
			const localMinutes = r.between(16, 36) * 30;
			const start = day + localMinutes * 60_000 - this.#offset(zone, day) * 60_000;
			const days = kind === 'forum' || kind === 'official_visit' || kind === 'training' ? r.between(0, 2) : 0;
			const end = start + days * DAY + r.between(2, 8) * 30 * 60_000;
			const past = start < TODAY;
			const status: EventStatus = longAgenda
				? 'confirmed'
				: r.weighted(past ? PAST_STATUSES : FUTURE_STATUSES);
			const hostId = series?.hostId ?? (home ? r.pick(d.homeIds) : this.#partner());
			let partnerId = series?.partnerId ?? (home ? this.#partner() : r.pick(d.homeIds));
			if (partnerId === hostId) partnerId = hostId === d.homeIds[0] ? d.homeIds[1]! : d.homeIds[0]!;
			const partner = d.organizations[partnerId - 1]!;
			const subject = r.pick(SUBJECTS);
			const form = r.pick(EVENT_TITLE_FORMS[kind]!);
			let title = form
				.replace('{s}', subject)
				.replace('{o}', partner.acronym ?? partner.name)
				.replace('{c}', city[0]);
			if (series) title = `${series.name}, ${new Date(day).getUTCFullYear()}`;
			if (longAgenda) title = `Baku Forum on ${RARE_WORD} and ${subject}`;
			const theme = r.chance(0.3) ? `${capitalise(r.pick(SUBJECTS))} and ${r.pick(SUBJECTS)}` : null;
			const description = r.chance(0.2)
				? `Prepared with ${partner.name}. Papers on ${subject} circulated in advance.`
				: null;
			const statusReason =
				status === 'cancelled' || status === 'postponed' ? 'At the request of the partner.' : null;
			const created = Math.min(start - 30 * DAY, TODAY);
			const createdAt = iso(created);
			const startAt = iso(start);
			rows.event.push([
				id,
				kind,
				title,
				theme,
				description,
				startAt,
				iso(end),
				zone,
				r.chance(0.93) ? 'exact' : r.chance(0.6) ? 'time_assumed' : 'date_assumed',
				venue?.id ?? null,
				online ? `https://meet.example.org/${id}` : null,
				status,
				statusReason,
				series?.id ?? null,
				r.chance(0.2) ? 1 : 0,
				`${id}-${this.seed.replace(/[^a-z0-9]/gi, '')}@generated.protokol`,
				createdAt,
				createdAt
			]);
			documents.push(
				this.#documentMaker.event(
					{
						id,
						title,
						title_az: null,
						title_en: null,
						title_ru: null,
						theme,
						description,
						status_reason: statusReason,
						kind,
						status,
						start_at: startAt,
						time_zone: zone
					},
					localDate
				)
			);
			eventRecords.push(datedInZone(id, startAt, zone, localDate, createdAt));

			const hostIds = [hostId];
			rows.event_organization.push([id, hostId, 'host', 0]);
			eventLinks.push({ record_id: id, organization_id: hostId, role: 'host' });
			if (r.chance(0.25)) {
				hostIds.push(partnerId);
				rows.event_organization.push([id, partnerId, 'co_host', 1]);
				eventLinks.push({ record_id: id, organization_id: partnerId, role: 'co_host' });
			}
			let delegationId: number | null = null;
			if (kind === 'multilateral_meeting' || kind === 'official_visit' || kind === 'forum') {
				if (r.chance(0.5)) {
					delegationId = ++this.#ids.delegation;
					rows.delegation.push([delegationId, id, `Delegation of ${partner.name}`, partnerId, 0]);
					eventLinks.push({ record_id: id, organization_id: partnerId, role: 'participant' });
				}
			}

			// Participants: our side, then theirs; the busiest officer at every n-th event.
			// The busiest person takes part only where chosen to, so that their count is known.
			const taken = new Set<number>([d.heavyPersonId]);
			const participants: number[] = [];
			const count = longAgenda ? 12 : r.between(2, 8);
			const sides: { personId: number; orgId: number }[] = [];
			if (id % this.#heavyEvery === 0 && this.heavyEvents < 10_000) {
				sides.push({ personId: d.heavyPersonId, orgId: d.people[0]!.organizationId });
				this.heavyEvents++;
			}
			while (sides.length < count) {
				const orgId = sides.length % 2 === 0 ? hostId : partnerId;
				const personId = this.#person(orgId, taken);
				taken.add(personId);
				sides.push({ personId, orgId: d.people[personId - 1]!.organizationId });
			}
			const participantOrgs = new Set<number>();
			sides.forEach(({ personId, orgId }, k) => {
				const person = d.people[personId - 1]!;
				const pid = ++this.#ids.participant;
				participants.push(pid);
				const role: ParticipantRole =
					k === 0 ? 'host' : k === 1 ? 'head_of_delegation' : r.pick(OTHER_PARTICIPANT_ROLES);
				const rsvp: RsvpStatus = r.weighted(past ? PAST_RESPONSES : FUTURE_RESPONSES);
				const invited = start - r.between(7, 40) * DAY;
				const responded = rsvp === 'invited' ? null : iso(invited + r.between(1, 5) * DAY);
				rows.event_participant.push([
					pid,
					id,
					personId,
					role,
					delegationId && orgId === partnerId ? delegationId : null,
					person.position,
					person.rank,
					orgId,
					k + 1,
					rsvp,
					iso(invited),
					responded,
					// The trigger that copies it from the event is off during the load.
					startAt,
					createdAt,
					createdAt
				]);
				participantOrgs.add(orgId);
			});
			for (const orgId of participantOrgs)
				eventLinks.push({ record_id: id, organization_id: orgId, role: 'participant' });

			// The programme, with who speaks at each item.
			const items = longAgenda ? 20 : r.weighted(AGENDA_LENGTHS);
			for (let position = 1; position <= items; position++) {
				const itemKind: AgendaItemKind =
					position === 1 && items > 2
						? 'opening_remarks'
						: position === items && items > 2
							? 'closing'
							: r.weighted(MIDDLE_ITEMS);
				const itemId = ++this.#ids.agenda;
				const itemTitle = r.pick(AGENDA_TITLES).replace('{s}', subject);
				rows.agenda_item.push([
					itemId,
					id,
					position,
					itemKind,
					itemTitle,
					r.between(1, 6) * 15,
					r.chance(0.9) ? 1 : 0,
					createdAt,
					createdAt
				]);
				const role = ROLE_OF_ITEM[itemKind];
				if (role) {
					rows.agenda_item_role.push([itemId, participants[position % participants.length]!, role, 0]);
					if (itemKind === 'panel')
						rows.agenda_item_role.push([
							itemId,
							participants[(position + 1) % participants.length]!,
							'speaker',
							1
						]);
				}
			}

			// What came of it: decisions, action points with due dates, statements.
			const outcomeIds: number[] = [];
			if (status === 'held' && r.chance(0.35)) {
				const outcomes = r.between(1, 3);
				for (let k = 0; k < outcomes; k++) {
					const oid = ++this.#ids.outcome;
					outcomeIds.push(oid);
					const outcomeKind: OutcomeKind = r.weighted([
						['action_point', 55],
						['decision', 30],
						['statement', 15]
					]);
					const due = outcomeKind === 'action_point' ? end + r.between(14, 120) * DAY : null;
					const outcomeStatus: OutcomeStatus =
						outcomeKind !== 'action_point'
							? 'done'
							: due! < TODAY
								? r.weighted([
										['done', 60],
										['dropped', 10],
										['in_progress', 15],
										['open', 15]
									])
								: r.weighted([
										['open', 60],
										['in_progress', 40]
									]);
					const owner = r.chance(0.7) ? hostId : partnerId;
					const outcomeTitle =
						outcomeKind === 'action_point'
							? `Send the proposals on ${r.pick(SUBJECTS)} to ${partner.acronym ?? partner.name}`
							: outcomeKind === 'decision'
								? `Set up a joint working group on ${subject}`
								: `Joint statement on ${subject}`;
					const text = r.chance(0.5) ? `Agreed with ${partner.acronym ?? partner.name} on ${subject}.` : null;
					const recorded = iso(end + DAY);
					rows.outcome.push([
						oid,
						id,
						outcomeKind,
						outcomeTitle,
						text,
						r.chance(0.5) ? sides[0]!.personId : null,
						owner,
						due === null ? null : isoDate(due),
						outcomeStatus,
						outcomeKind === 'action_point' ? this.officerId : null,
						recorded,
						recorded
					]);
					documents.push(
						this.#documentMaker.outcome({
							id: oid,
							kind: outcomeKind,
							title: outcomeTitle,
							text,
							status: outcomeStatus
						})
					);
					outcomeRecords.push(datedInZone(oid, startAt, zone, localDate, recorded));
					outcomeLinks.push({ record_id: oid, organization_id: owner, role: 'owner' });
					for (const h of hostIds) outcomeLinks.push({ record_id: oid, organization_id: h, role: 'meeting' });
					if (r.chance(0.3)) {
						rows.outcome_party.push([oid, partnerId]);
						outcomeLinks.push({ record_id: oid, organization_id: partnerId, role: 'party' });
					}
					if (outcomeStatus === 'done' || outcomeStatus === 'dropped' || outcomeStatus === 'in_progress') {
						if (outcomeKind === 'action_point') {
							rows.outcome_status_change.push([
								++this.#ids.statusChange,
								oid,
								'open',
								outcomeStatus,
								outcomeStatus === 'dropped' ? 'Overtaken by events.' : 'Followed up by letter.',
								this.officerId,
								iso(Math.min(due!, TODAY) - DAY)
							]);
						}
					}
				}
			}

			// A meeting with one partner is prepared topic by topic.
			if (
				(kind === 'bilateral_meeting' || kind === 'official_visit' || kind === 'working_visit') &&
				r.chance(0.3)
			) {
				const topics = r.between(1, 3);
				for (let position = 1; position <= topics; position++) {
					rows.topic.push([
						++this.#ids.topic,
						id,
						position,
						capitalise(r.pick(SUBJECTS)),
						r.chance(0.6) ? 'our_side' : 'their_side',
						r.pick(TOPIC_POSITIONS),
						`Recall the last meeting on ${subject}.`,
						status === 'held' ? 'Both sides agreed to continue.' : null,
						position === 1 ? (outcomeIds[0] ?? null) : null,
						createdAt,
						createdAt
					]);
				}
			}
			const sketch = { id, start, hostId, partnerId, hostIds, outcomeIds };
			if (id % 50 === 0 || outcomeIds.length > 0) this.#sample.push(sketch);
		}
		pushDocuments(rows, documents, this.#documents);
		pushDossier(rows, 'event', eventRecords, eventLinks, d);
		pushDossier(rows, 'outcome', outcomeRecords, outcomeLinks, d);
		return rows;
	}

	/** The event nearest a moment among those sampled. */
	#eventNear(ms: number): EventSketch | undefined {
		const sample = this.#sample;
		if (sample.length === 0) return undefined;
		let lo = 0;
		let hi = sample.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (sample[mid]!.start < ms) lo = mid + 1;
			else hi = mid;
		}
		return sample[lo];
	}

	/** Letters' dates, in order, for `count` letters. */
	letters(count: number): number[] {
		const dates: number[] = [];
		for (let k = 0; k < count; k++) {
			dates.push(
				FIRST_DAY +
					Math.floor(((k + this.random.next()) / count) * ((TODAY + 60 * DAY - FIRST_DAY) / DAY)) * DAY
			);
		}
		return dates;
	}

	lettersChunk(dates: number[]): Rows {
		const rows = emptyRows();
		const r = this.random;
		const d = this.d;
		const documents: SearchDocument[] = [];
		const records: DatedRecord[] = [];
		const links: RecordLink[] = [];
		for (const dated of dates) {
			const id = ++this.#ids.letter;
			const event = r.chance(0.4) ? this.#eventNear(dated + 20 * DAY) : undefined;
			const incoming = r.chance(0.5);
			const ours = event?.hostId ?? r.pick(d.homeIds);
			const theirs = event?.partnerId ?? this.#partner();
			const [sender, recipient] = incoming ? [theirs, ours] : [ours, theirs];
			const senderOrg = d.organizations[sender - 1]!;
			const kind = r.weighted(LETTER_KINDS);
			const year = new Date(dated).getUTCFullYear();
			const reference = kind === 'email' ? null : `${senderOrg.acronym ?? `ORG${sender}`}/${year}/${id}`;
			const subject = event
				? `On the meeting of ${isoDate(event.start)}: ${r.pick(SUBJECTS)}`
				: `${capitalise(r.pick(SUBJECTS))} — ${kind.replace('_', ' ')}`;
			const summary = r.chance(0.5) ? `The ${senderOrg.name} writes on ${r.pick(SUBJECTS)}.` : null;
			const place = senderOrg.city;
			const inReplyTo =
				!incoming && id > 1 && r.chance(0.3) ? r.between(Math.max(1, id - 200), id - 1) : null;
			const transmits =
				kind === 'note_verbale' && id > 1 && inReplyTo === null && r.chance(0.05) ? id - 1 : null;
			const peopleOfSender = d.peopleOf.get(sender);
			const peopleOfRecipient = d.peopleOf.get(recipient);
			rows.correspondence.push([
				id,
				kind,
				reference,
				isoDate(dated),
				place,
				sender,
				recipient,
				peopleOfSender ? r.pick(peopleOfSender) : null,
				peopleOfRecipient ? r.pick(peopleOfRecipient) : null,
				subject,
				summary,
				incoming ? 'incoming' : 'outgoing',
				incoming && r.chance(0.3) ? 1 : 0,
				inReplyTo,
				transmits,
				iso(dated),
				iso(dated)
			]);
			documents.push(
				correspondenceDocument({
					id,
					kind,
					reference_number: reference,
					dated_on: isoDate(dated),
					place,
					subject,
					summary
				})
			);
			records.push({ id, instant: null, date: isoDate(dated), time_zone: null, recorded_at: null });
			links.push({ record_id: id, organization_id: sender, role: 'sender' });
			links.push({ record_id: id, organization_id: recipient, role: 'recipient' });
			if (event)
				rows.correspondence_event.push([id, event.id, event.start > dated ? 'leads_to' : 'follows_up']);
		}
		pushDocuments(rows, documents, this.#documents);
		pushDossier(rows, 'correspondence', records, links, d);
		return rows;
	}

	agreementsAndProjects(agreements: number, projects: number) {
		const rows = emptyRows();
		const r = this.random;
		const d = this.d;
		const documents: SearchDocument[] = [];
		const records = { agreement: [] as DatedRecord[], project: [] as DatedRecord[] };
		const links = { agreement: [] as RecordLink[], project: [] as RecordLink[] };
		const letters = this.#ids.letter;
		const stamp = iso(TODAY - DAY);
		for (let k = 0; k < agreements; k++) {
			const id = ++this.#ids.agreement;
			const ours = r.pick(d.homeIds);
			const theirs = this.#partner();
			const partner = d.organizations[theirs - 1]!;
			const signed = r.chance(0.85) ? FIRST_DAY + r.int((TODAY - FIRST_DAY) / DAY) * DAY : null;
			const event = signed === null ? undefined : this.#eventNear(signed);
			const approved = signed !== null && r.chance(0.7) ? signed + r.between(30, 200) * DAY : null;
			const inForce = approved !== null && r.chance(0.8) ? approved + r.between(10, 60) * DAY : null;
			const until = inForce !== null && r.chance(0.3) ? inForce + r.between(1, 10) * 365 * DAY : null;
			const title = `Agreement between ${d.organizations[ours - 1]!.acronym} and ${partner.acronym ?? partner.name} on ${r.pick(SUBJECTS)} (${id})`;
			const summary = r.chance(0.6) ? `Cooperation on ${r.pick(SUBJECTS)}.` : null;
			const place = signed === null ? null : (partner.city ?? 'Baku');
			const act = approved === null ? null : 'Decree of the President of the Republic of Azerbaijan';
			rows.agreement.push([
				id,
				title,
				summary,
				signed === null ? null : isoDate(signed),
				place,
				event?.id ?? null,
				approved === null ? null : isoDate(approved),
				act,
				inForce === null ? null : isoDate(inForce),
				until === null ? null : isoDate(until),
				stamp,
				stamp
			]);
			documents.push(
				agreementDocument({
					id,
					title,
					summary,
					signed_on: signed === null ? null : isoDate(signed),
					signed_place: place,
					approval_act: act
				})
			);
			const date = signed ?? approved ?? inForce;
			records.agreement.push({
				id,
				instant: null,
				date: date === null ? null : isoDate(date),
				time_zone: null,
				recorded_at: null
			});
			for (const org of [ours, theirs]) {
				rows.agreement_party.push([id, org]);
				links.agreement.push({ record_id: id, organization_id: org, role: 'party' });
			}
			if (letters > 0 && r.chance(0.5)) rows.agreement_correspondence.push([id, r.between(1, letters)]);
		}
		const programmes: (ProjectProgramme | null)[] = [
			'twinning',
			'taiex',
			'mieux',
			'joint_project',
			'technical_cooperation',
			'other',
			null
		];
		for (let k = 0; k < projects; k++) {
			const id = ++this.#ids.project;
			const start = FIRST_DAY + r.int((TODAY - FIRST_DAY) / DAY) * DAY;
			const byYear = r.chance(0.3);
			const startOn = byYear ? `${new Date(start).getUTCFullYear()}-01-01` : isoDate(start);
			const end = r.chance(0.7) ? start + r.between(180, 1500) * DAY : null;
			const state =
				end === null ? 'ongoing' : end < TODAY ? 'completed' : start > TODAY ? 'planned' : 'ongoing';
			const programme = r.pick(programmes);
			const title = `${capitalise(r.pick(SUBJECTS))} project ${id}`;
			const description = r.chance(0.5) ? `Supports the office's work on ${r.pick(SUBJECTS)}.` : null;
			rows.project.push([
				id,
				title,
				programme,
				state,
				startOn,
				byYear ? 'year' : 'day',
				end === null ? null : isoDate(end),
				end === null ? null : 'day',
				r.between(1, d.people.length),
				description,
				stamp,
				stamp
			]);
			documents.push(
				projectDocument({
					id,
					title,
					programme,
					state,
					start_on: startOn,
					start_precision: byYear ? 'year' : 'day',
					end_on: end === null ? null : isoDate(end),
					end_precision: end === null ? null : 'day',
					description
				})
			);
			records.project.push({ id, instant: null, date: startOn, time_zone: null, recorded_at: null });
			const partners = new Set([this.#partner(), this.#partner()]);
			for (const org of partners) {
				rows.project_partner.push([id, org]);
				links.project.push({ record_id: id, organization_id: org, role: 'partner' });
			}
			const events = new Set<number>();
			const outcomes = new Set<number>();
			for (let e = 0; e < 8; e++) {
				const event = this.#eventNear(start + e * 60 * DAY);
				if (!event) continue;
				events.add(event.id);
				for (const o of event.outcomeIds) outcomes.add(o);
			}
			for (const e of events) rows.project_event.push([id, e]);
			for (const o of outcomes) rows.project_outcome.push([id, o]);
			if (letters > 0) rows.project_correspondence.push([id, r.between(1, letters)]);
			if (this.#ids.agreement > 0 && r.chance(0.3))
				rows.project_agreement.push([id, r.between(1, this.#ids.agreement)]);
		}
		pushDocuments(rows, documents, this.#documents);
		pushDossier(rows, 'agreement', records.agreement, links.agreement, d);
		pushDossier(rows, 'project', records.project, links.project, d);

		// Calendar feeds, tokens drawn from the seed, stored as the app stores them (the secret's hash).
		const feed = (name: string, personId: number | null, organizationId: number | null) => {
			const id = r.base32(32);
			const secret = r.base32(32);
			rows.calendar_feed.push([id, hashSecret(secret), name, personId, organizationId, stamp]);
			return `${id}.${secret}`;
		};
		const heavy = d.people[0]!;
		const personFeedToken = feed(`Protokol: ${heavy.givenName} ${heavy.familyName}`, heavy.id, null);
		const umbrellaFeedToken = feed(
			`Protokol: ${d.organizations[d.umbrellaId - 1]!.name}`,
			null,
			d.umbrellaId
		);
		for (let k = 0; k < Math.round(this.scale.events / 10_000); k++) {
			const person = r.pick(d.people);
			feed(`Protokol: ${person.givenName} ${person.familyName}`, person.id, null);
		}
		return { rows, personFeedToken, umbrellaFeedToken };
	}
}
