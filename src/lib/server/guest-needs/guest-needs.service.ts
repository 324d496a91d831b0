/**
 * What guests need at an event — dietary requirements, accessibility, interpretation, security or
 * accreditation notes — read and written by officers only: every function here checks the role, reads
 * included, so that no page or script can show them to a viewer or on a personal link. Each read is a
 * fixed number of queries whatever the number of guests.
 */
import type { Kysely } from 'kysely';
import { recordAction, type Actor } from '../audit/audit';
import { authorize } from '../auth/authorize';
import { findProgramme } from '../agenda/agenda.service';
import type { ProgrammeView } from '../agenda/agenda.view';
import type { DietaryRequirement } from '../../vocabulary';
import { m } from '../../paraglide/messages.js';
import type { Database } from '../db/schema';
import { NotFound, StaleRecord } from '../errors';
import { findEvent } from '../events/event.repository';
import { describeSpan } from '../participants/participant.view';
import { formText } from '../validation';
import type { GuestNeedsFormValues, GuestNeedsInput } from './guest-needs.input';
import {
	countAnswers,
	deleteNeedsAtVersion,
	findParticipantWithNeeds,
	insertNeeds,
	listDiets,
	listNeedsOfEvent,
	replaceDiet,
	updateNeedsAtVersion,
	type ParticipantWithNeedsRow
} from './guest-needs.repository';
import { summarizeNeeds, toGuestNeeds, type GuestNeeds, type NeedsSummary } from './guest-needs.view';

/** A protocol list is bounded: an event with more guests with needs than this says so. */
export const NEEDS_LIMIT = 2000;

export interface EventNeedsView extends NeedsSummary {
	event: { id: number; title: string; when: string };
}

/** Every guest's needs at the event, with the caterer's and interpreters' sums; null when no such event. Four queries. */
export async function getEventNeeds(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number
): Promise<EventNeedsView | null> {
	authorize(actor, 'officer');
	const [event, rows, answers] = await Promise.all([
		findEvent(db, eventId),
		listNeedsOfEvent(db, eventId, NEEDS_LIMIT),
		countAnswers(db, eventId)
	]);
	if (!event) return null;
	const shown = rows.slice(0, NEEDS_LIMIT);
	const diets = await listDiets(
		db,
		shown.map((row) => row.id)
	);
	const guests = shown.map((row) =>
		toGuestNeeds(
			row,
			diets.filter((d) => d.participant_id === row.id).map((d) => d.requirement)
		)
	);
	return {
		event: {
			id: event.id,
			title: event.title,
			when: describeSpan(event.start_at, event.end_at, event.time_zone)
		},
		...summarizeNeeds(guests, answers, rows.length > NEEDS_LIMIT)
	};
}

export interface CateringView {
	event: EventNeedsView['event'];
	expected: number;
	accepted: number;
	meals: NeedsSummary['meals'];
	/** The guests with dietary needs, by name, and nothing else of them. */
	guests: { participantId: number; name: string; diet: string[]; dietaryNote: string | null }[];
	truncated: boolean;
}

/**
 * The caterer's list: the meals to prepare and for whom. Built on the server from the needs, so that
 * what reaches the caterer's page (and its data) holds nothing of accessibility or security.
 */
export async function getCateringList(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number
): Promise<CateringView | null> {
	const needs = await getEventNeeds(db, actor, eventId);
	if (!needs) return null;
	return {
		event: needs.event,
		expected: needs.expected,
		accepted: needs.accepted,
		meals: needs.meals,
		guests: needs.guests
			.filter((guest) => !guest.away && (guest.diet.length > 0 || guest.dietaryNote))
			.map((guest) => ({
				participantId: guest.participantId,
				name: guest.person.name,
				diet: guest.diet.map((d) => d.label),
				dietaryNote: guest.dietaryNote
			})),
		truncated: needs.truncated
	};
}

export interface InterpretationView {
	event: EventNeedsView['event'];
	languages: NeedsSummary['languages'];
	programme: ProgrammeView;
}

/** The interpreters' sheet: who needs which language, and the programme to interpret, item by item. */
export async function getInterpretationSchedule(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number
): Promise<InterpretationView | null> {
	const [needs, programme] = await Promise.all([
		getEventNeeds(db, actor, eventId),
		findProgramme(db, eventId)
	]);
	return needs && programme ? { event: needs.event, languages: needs.languages, programme } : null;
}

function toFormValues(row: ParticipantWithNeedsRow): GuestNeedsFormValues {
	return {
		diet: [],
		dietaryNote: formText(row.dietary_note),
		accessibility: formText(row.accessibility),
		interpretationLanguage: formText(row.interpretation_language),
		securityNote: formText(row.security_note),
		version: row.version === null ? '' : String(row.version)
	};
}

export interface GuestNeedsForm {
	event: { id: number; title: string };
	guest: GuestNeeds;
	values: GuestNeedsFormValues;
}

/** One guest's needs as their form shows them; null when they are not a participant of the event. Three queries. */
export async function findGuestNeedsForm(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	participantId: number
): Promise<GuestNeedsForm | null> {
	authorize(actor, 'officer');
	const [event, row, diet] = await Promise.all([
		findEvent(db, eventId),
		findParticipantWithNeeds(db, eventId, participantId),
		listDiets(db, [participantId])
	]);
	if (!event || !row) return null;
	const requirements = diet.map((d) => d.requirement);
	return {
		event: { id: event.id, title: event.title },
		guest: toGuestNeeds(row, requirements),
		values: { ...toFormValues(row), diet: requirements }
	};
}

const isEmpty = (input: GuestNeedsInput) =>
	input.diet.length === 0 &&
	input.dietaryNote === null &&
	input.accessibility === null &&
	input.interpretationLanguage === null &&
	input.securityNote === null;

/**
 * Saves what the guest needs if nobody saved it since `version` (null: nothing was recorded when the
 * form was opened); otherwise StaleRecord with what is recorded now, and nothing written. A form left
 * empty takes the needs away. Audited, before and after.
 */
export async function saveGuestNeeds(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	participantId: number,
	version: number | null,
	input: GuestNeedsInput,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const row = await findParticipantWithNeeds(tx, eventId, participantId);
		if (!row) throw new NotFound(m.needs_no_longer_participant());
		const before = (await listDiets(tx, [participantId])).map((d) => d.requirement);
		const stale = () => new StaleRecord({ ...toFormValues(row), diet: before }, m.needs_error_stale());
		if ((row.version ?? null) !== version) throw stale();
		const columns = {
			dietary_note: input.dietaryNote,
			accessibility: input.accessibility,
			interpretation_language: input.interpretationLanguage,
			security_note: input.securityNote,
			updated_at: now.toISOString()
		};
		if (isEmpty(input)) {
			if (version === null) return;
			if (!(await deleteNeedsAtVersion(tx, participantId, version))) throw stale();
		} else if (version === null) {
			await insertNeeds(tx, { participant_id: participantId, ...columns });
		} else if (!(await updateNeedsAtVersion(tx, participantId, version, columns))) {
			throw stale();
		}
		if (!isEmpty(input)) await replaceDiet(tx, participantId, input.diet as DietaryRequirement[]);
		await recordAction(tx, actor, {
			action: 'participant.needs',
			entityType: 'event_participant',
			entityId: participantId,
			eventId,
			before: {
				diet: before,
				dietary_note: row.dietary_note,
				accessibility: row.accessibility,
				interpretation_language: row.interpretation_language,
				security_note: row.security_note
			},
			after: { diet: input.diet, ...columns }
		});
	});
}
