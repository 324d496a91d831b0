/** What the agenda builder and the printed programme receive: chosen fields, labels resolved. */
import { sortByText } from '../../format/collation';
import { formatPersonName, formatSortName } from '../../format/names';
import { localizedColumn, localizedOptionalColumn, type ContentLocale } from '../../i18n/localized-text';
import { agendaItemKinds, agendaRoles, type AgendaItemKind, type AgendaRole } from '../../vocabulary';
import type { EventDetailRow } from '../events/event.repository';
import { toPersonAtEvent, type HostView, type PersonAtEvent } from '../events/event.view';
import { organizationRef, type OrganizationRef } from '../organizations/organization.ref';
import type { AgendaItemRow, listAgendaRoles, listParticipantChoices } from './agenda.repository';
import type { listPeopleWithOrganization } from '../people/person.repository';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;
type RoleRow = Rows<typeof listAgendaRoles>[number];

/** Someone named on an item, with the title and rank they held at this event. */
export interface AgendaPersonView extends PersonAtEvent {
	participantId: number;
	role: AgendaRole;
	roleLabel: string;
}

/** An item's title as written and its versions in other languages, as the item's form edits them. */
export interface AgendaTitleFields {
	title: string;
	titleLocale: string;
	titleAz: string;
	titleEn: string;
	titleRu: string;
}

/** An item as the officer edits it. */
export interface AgendaItemEditView {
	id: number;
	position: number;
	kind: AgendaItemKind;
	kindLabel: string;
	/** In the reader's language, else as written (`localizedText`). */
	title: string;
	/** Set when `title` is not in the reader's language: the language it is in, for its tag. */
	titleLocale: ContentLocale | null;
	/** The title as written and its versions, for the form. */
	titleFields: AgendaTitleFields;
	durationMinutes: number | null;
	startAt: string | null;
	endAt: string | null;
	notes: string | null;
	isPublished: boolean;
	version: number;
	people: AgendaPersonView[];
}

/** The event an agenda belongs to, as the builder's pages name it. */
export interface AgendaEventView {
	id: number;
	title: string;
	startAt: string;
	endAt: string;
	timeZone: string;
}

/** Someone the officer may put on an item: a participant, or a person found by name. */
export interface PersonOption {
	personId: number;
	label: string;
}

export interface AgendaPageView {
	event: AgendaEventView;
	items: AgendaItemEditView[];
	/** When the timed items end, or null when none has a duration. */
	clockEnd: string | null;
	/** The items run past the event's recorded end. */
	overruns: boolean;
}

export interface AgendaItemPageView {
	event: AgendaEventView;
	item: AgendaItemEditView;
	participants: PersonOption[];
	/** The event has more participants than the list offers: search for the others by name. */
	moreParticipants: boolean;
	/** People found by the name searched for (none when nothing was searched). */
	found: PersonOption[];
}

/** An item as the printed programme shows it. */
export interface ProgrammeItemView {
	id: number;
	kindLabel: string;
	/** In the reader's language, else as written; `titleLocale` set on that fallback. */
	title: string;
	titleLocale: ContentLocale | null;
	startAt: string | null;
	endAt: string | null;
	people: AgendaPersonView[];
}

export interface ProgrammeView {
	id: number;
	/** In the reader's language, else as written; `titleLocale` set on that fallback. */
	title: string;
	titleLocale: ContentLocale | null;
	theme: string | null;
	startAt: string;
	endAt: string;
	timeZone: string;
	allDay: boolean;
	/** Its dates, or its times, in its zone (`formatWhen`), said here so the page carries no date maths. */
	when: string;
	place: string | null;
	statusLabel: string | null;
	hosts: HostView[];
	items: ProgrammeItemView[];
}

export function toAgendaEventView(
	event: Pick<EventDetailRow, 'id' | 'title' | 'start_at' | 'end_at' | 'time_zone'>
) {
	return {
		id: event.id,
		title: event.title,
		startAt: event.start_at,
		endAt: event.end_at,
		timeZone: event.time_zone
	} satisfies AgendaEventView;
}

function toAgendaPerson(row: RoleRow): AgendaPersonView {
	return {
		...toPersonAtEvent(row),
		participantId: row.participant_id,
		role: row.role,
		roleLabel: agendaRoles.labels[row.role]
	};
}

/** The people of each item, in the order they are named. */
function peopleByItem(roles: readonly RoleRow[]): Map<number, AgendaPersonView[]> {
	const byItem = new Map<number, AgendaPersonView[]>();
	for (const row of roles) {
		const people = byItem.get(row.agenda_item_id) ?? [];
		people.push(toAgendaPerson(row));
		byItem.set(row.agenda_item_id, people);
	}
	return byItem;
}

/** The item's title in the reader's language (`title`), with `titleLocale` set on a fallback. */
function agendaItemTitle(item: AgendaItemRow) {
	const { text, fallbackLocale } = localizedColumn(item, 'title');
	return { title: text, titleLocale: fallbackLocale };
}

export function toAgendaTitleFields(item: AgendaItemRow): AgendaTitleFields {
	return {
		title: item.title,
		titleLocale: item.title_locale ?? '',
		titleAz: item.title_az ?? '',
		titleEn: item.title_en ?? '',
		titleRu: item.title_ru ?? ''
	};
}

export function toAgendaItemEditViews(items: readonly AgendaItemRow[], roles: readonly RoleRow[]) {
	const people = peopleByItem(roles);
	return items.map((item): AgendaItemEditView => ({
		id: item.id,
		position: item.position,
		kind: item.kind,
		kindLabel: agendaItemKinds.labels[item.kind],
		...agendaItemTitle(item),
		titleFields: toAgendaTitleFields(item),
		durationMinutes: item.duration_minutes,
		startAt: item.start_at,
		endAt: item.end_at,
		notes: item.notes,
		isPublished: item.is_published === 1,
		version: item.version,
		people: people.get(item.id) ?? []
	}));
}

/** Only what the office has published: unpublished items stay off paper. */
export function toProgrammeItems(items: readonly AgendaItemRow[], roles: readonly RoleRow[]) {
	const people = peopleByItem(roles);
	return items
		.filter((item) => item.is_published === 1)
		.map((item): ProgrammeItemView => ({
			id: item.id,
			kindLabel: agendaItemKinds.labels[item.kind],
			...agendaItemTitle(item),
			startAt: item.start_at,
			endAt: item.end_at,
			people: people.get(item.id) ?? []
		}));
}

function describe(name: string, details: (string | null | undefined)[]): string {
	const more = details.filter(Boolean);
	return more.length > 0 ? `${name} (${more.join(', ')})` : name;
}

/** In the reader's alphabetical order, by family name. */
export function toParticipantOptions(rows: Rows<typeof listParticipantChoices>): PersonOption[] {
	return sortByText(rows, formatSortName).map((row) => {
		const person = toPersonAtEvent(row);
		return {
			personId: person.personId,
			label: describe(person.name, [
				person.position,
				person.organization?.acronym ?? person.organization?.name
			])
		};
	});
}

/** In the reader's alphabetical order, by family name. */
export function toFoundPeople(rows: Rows<typeof listPeopleWithOrganization>): PersonOption[] {
	return sortByText(rows, formatSortName).map((row) => {
		const organization: OrganizationRef | null = organizationRef(
			row.organization_id,
			row.organization_name,
			row.organization_acronym
		);
		return {
			personId: row.id,
			label: describe(formatPersonName(row), [
				localizedOptionalColumn(row, 'position')?.text,
				organization?.acronym ?? organization?.name
			])
		};
	});
}
