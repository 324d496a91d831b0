/**
 * Thank-you letters after a meeting or visit: to each head of the other delegations (or, where no other
 * side is recorded, the guests of honour), drafted as outgoing letters linked to the event, for the
 * officer to edit and then register with a reference number (`registerCorrespondence`). A draft holds no
 * reference number, so one abandoned leaves no gap in the office's numbering.
 *
 * Officers only, reading and writing alike: the drafts speak for the host. A fixed number of queries
 * whatever the size of the event.
 */
import type { Kysely } from 'kysely';
import { formatWhen } from '../../format/datetime';
import { m } from '../../paraglide/messages.js';
import { recordAction, type Actor } from '../audit/audit';
import { authorize } from '../auth/authorize';
import { officeToday } from '../calendar/calendar.settings';
import type { Database } from '../db/schema';
import { NotFound, RuleViolation } from '../errors';
import { findEvent, listHostsForEvents } from '../events/event.repository';
import { inLocale, officeLocale } from '../i18n/locale';
import type { Locale } from '../../paraglide/runtime.js';
import {
	listDelegationSummaries,
	listParticipantsForPrint,
	type ParticipantPrintRow
} from '../participants/participant.repository';
import {
	toDelegationSummaries,
	toPrintedParticipant,
	type PrintedParticipant
} from '../participants/participant.view';
import { insertCorrespondence, replaceCorrespondenceEvents } from './correspondence.repository';
import { composeThankYouLetter, type LetterPerson, type ThankYouLetter } from './thank-you.letter';
import {
	listAgreedOutcomes,
	listAgreementsSignedAtEvent,
	listOutgoingLettersOfEvent,
	listTopicTitles,
	lockEventForLetters
} from './thank-you.repository';

type Db = Kysely<Database>;

/** More people than any meeting's sides hold: the heads are among the first in order of precedence. */
const PEOPLE_LIMIT = 500;

export interface ThankYouAddressee {
	personId: number;
	name: string;
	/** Post, organisation and rank as held at the event. */
	titles: string;
	/** The side they headed; null for a guest of honour on no side. */
	delegation: string | null;
	recipientOrganizationId: number | null;
	/** The language the letter is drafted in: the addressee's, else the office's. */
	locale: Locale;
	letter: ThankYouLetter;
	/** The letter made for them already from this event, draft or registered. */
	existing: { id: number; draft: boolean; referenceNumber: string | null } | null;
}

export interface ThankYouPage {
	event: { id: number; title: string; when: string; timeZone: string; dateAssumed: boolean };
	/** Whom the page offers: the heads of the other delegations, or the guests of honour when none. */
	basis: 'delegations' | 'guests';
	/** Who signs: the host at the event, when one is recorded. */
	signatory: { personId: number; name: string } | null;
	hostOrganizationId: number | null;
	addressees: ThankYouAddressee[];
}

/**
 * Someone as a letter names them, their post in the letter's language (read from their row inside the
 * letter's `inLocale`), and as first recorded for the form of address.
 */
function letterPerson(p: PrintedParticipant, row: ParticipantPrintRow | undefined): LetterPerson {
	const inLetter = row ? toPrintedParticipant(row) : p;
	return {
		honorific: p.honorific,
		givenName: p.givenName,
		familyName: p.familyName,
		position: inLetter.position,
		recordedPosition: row ? (row.position_at_event ?? row.current_position) : p.position,
		organization: p.organization
	};
}

/** Everything the page shows and the drafts are made from; null when there is no such event. */
async function loadThankYouLetters(db: Db, eventId: number): Promise<ThankYouPage | null> {
	const event = await findEvent(db, eventId);
	if (!event) return null;
	const [hostRows, delegationRows, participantRows, topics, outcomes, agreements, letters] =
		await Promise.all([
			listHostsForEvents(db, [eventId]),
			listDelegationSummaries(db, eventId),
			listParticipantsForPrint(db, eventId, PEOPLE_LIMIT),
			listTopicTitles(db, eventId),
			listAgreedOutcomes(db, eventId),
			listAgreementsSignedAtEvent(db, eventId),
			listOutgoingLettersOfEvent(db, eventId)
		]);
	const people = participantRows.slice(0, PEOPLE_LIMIT).map(toPrintedParticipant);
	// Each letter is drafted in its addressee's language, as their invitations are written.
	const localeOf = new Map(participantRows.map((row) => [row.id, row.preferred_locale ?? officeLocale()]));
	const rowOf = new Map(participantRows.map((row) => [row.id, row]));
	const delegations = toDelegationSummaries(delegationRows);
	const hosts = hostRows.filter((h) => h.role === 'host');
	const hostIds = new Set(hosts.map((h) => h.id));
	// Our side: a delegation sent by a host organisation, or one the host at the event sits on.
	const ours = new Set(
		delegations
			.filter(
				(d) =>
					(d.organization && hostIds.has(d.organization.id)) ||
					people.some((p) => p.delegationId === d.id && p.role === 'host')
			)
			.map((d) => d.id)
	);
	const onOurSide = (p: PrintedParticipant) =>
		p.role === 'host' ||
		(p.delegationId !== null && ours.has(p.delegationId)) ||
		(p.organization !== null && hostIds.has(p.organization.id));
	const heads = people.filter(
		(p) => p.role === 'head_of_delegation' && p.delegationId !== null && !onOurSide(p)
	);
	// No other side recorded: the guests of honour, those heading their organisations, else the first guest.
	const guests = people.filter((p) => !onOurSide(p) && p.role !== 'press');
	const honoured = guests.filter((p) => p.headsOrganization);
	const chosen = heads.length > 0 ? heads : honoured.length > 0 ? honoured : guests.slice(0, 1);
	const signatory =
		people.find((p) => p.role === 'host') ??
		people.find((p) => p.role === 'head_of_delegation' && onOurSide(p)) ??
		null;
	const host = hosts[0] ?? null;
	const agreed = () => [
		...outcomes.map((o) => o.title),
		...agreements.map((a) => m.letters_signing({ title: a.title }))
	];
	const letterEvent = {
		kind: event.kind,
		title: event.title,
		startAt: event.start_at,
		endAt: event.end_at,
		timeZone: event.time_zone,
		allDay: event.all_day === 1,
		place: event.venue_city ?? event.venue_name ?? null
	};
	const byDelegation = new Map(delegations.map((d) => [d.id, d]));
	return {
		event: {
			id: event.id,
			title: event.title,
			when: formatWhen({ ...letterEvent }),
			timeZone: event.time_zone,
			dateAssumed: event.timing === 'date_assumed'
		},
		basis: heads.length > 0 ? 'delegations' : 'guests',
		signatory: signatory ? { personId: signatory.personId, name: signatory.name } : null,
		hostOrganizationId: host?.id ?? null,
		addressees: chosen.map((p) => {
			const delegation = p.delegationId === null ? null : (byDelegation.get(p.delegationId) ?? null);
			const made = letters.find((l) => l.addressee_person_id === p.personId);
			const locale = localeOf.get(p.id) ?? officeLocale();
			return {
				personId: p.personId,
				name: p.name,
				titles: p.titles,
				delegation: delegation?.name ?? null,
				recipientOrganizationId: p.organization?.id ?? delegation?.organization?.id ?? null,
				locale,
				letter: inLocale(locale, () =>
					composeThankYouLetter({
						event: letterEvent,
						addressee: letterPerson(p, rowOf.get(p.id)),
						signatory: signatory && letterPerson(signatory, rowOf.get(signatory.id)),
						host: host && { name: host.name, acronym: host.acronym },
						topics: topics.map((t) => t.title),
						agreed: agreed()
					})
				),
				existing: made
					? { id: made.id, draft: made.draft === 1, referenceNumber: made.reference_number }
					: null
			};
		})
	};
}

/** The thank-you letters page of an event: whom to thank, each letter's text, those made already. */
export async function getThankYouLetters(db: Db, actor: Actor, eventId: number): Promise<ThankYouPage> {
	authorize(actor, 'officer');
	const page = await loadThankYouLetters(db, eventId);
	if (!page) throw new NotFound(m.letters_no_such_event());
	return page;
}

/**
 * Drafts the thank-you letters to the people chosen, each an outgoing letter from the host organisation
 * to the addressee's, dated today in the office's zone, linked to the event as following it up, with no
 * reference number. Someone with a letter from this event already gets no second one: their id is
 * returned among the drafts' all the same. Anyone not among those the page offers is refused with
 * nothing written. Audited, one entry a letter.
 */
export async function draftThankYouLetters(
	db: Db,
	actor: Actor,
	eventId: number,
	personIds: number[],
	now = new Date()
): Promise<{ created: number[]; existing: number[] }> {
	authorize(actor, 'officer');
	if (personIds.length === 0) {
		const message = m.letters_choose_someone();
		throw new RuleViolation(message, { addressees: message });
	}
	return db.transaction().execute(async (tx) => {
		if (!(await lockEventForLetters(tx, eventId))) throw new NotFound(m.letters_no_such_event());
		const page = await loadThankYouLetters(tx, eventId);
		if (!page) throw new NotFound(m.letters_no_such_event());
		const chosen = [...new Set(personIds)].map((id) => {
			const addressee = page.addressees.find((a) => a.personId === id);
			if (!addressee) {
				const message = page.basis === 'delegations' ? m.letters_only_heads() : m.letters_only_guests();
				throw new RuleViolation(message, { addressees: message });
			}
			return addressee;
		});
		const at = now.toISOString();
		const created: number[] = [];
		const existing: number[] = [];
		for (const addressee of chosen) {
			if (addressee.existing) {
				existing.push(addressee.existing.id);
				continue;
			}
			const columns = {
				kind: 'letter',
				direction: 'outgoing',
				draft: 1,
				reference_number: null,
				dated_on: officeToday(now),
				place: null,
				sender_organization_id: page.hostOrganizationId,
				recipient_organization_id: addressee.recipientOrganizationId,
				signatory_person_id: page.signatory?.personId ?? null,
				addressee_person_id: addressee.personId,
				subject: addressee.letter.subject,
				summary: null,
				body: addressee.letter.text,
				reply_expected: 0,
				in_reply_to_id: null,
				transmits_id: null
			} as const;
			const { id } = await insertCorrespondence(tx, { ...columns, created_at: at, updated_at: at });
			const events = [{ eventId, link: 'follows_up' as const }];
			await replaceCorrespondenceEvents(tx, id, events);
			await recordAction(tx, actor, {
				action: 'correspondence.draft',
				entityType: 'correspondence',
				entityId: id,
				eventId,
				after: { ...columns, events }
			});
			created.push(id);
		}
		return { created, existing };
	});
}
