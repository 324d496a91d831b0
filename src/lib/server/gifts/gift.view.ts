/** What gift pages receive: chosen fields, parties and labels resolved, values formatted. */
import { formatCalendarDate } from '../../format/datetime';
import { formatOrganizationName, formatPersonName } from '../../format/names';
import { giftDirections, giftDispositions, type GiftDirection, type GiftDisposition } from '../../vocabulary';
import type { findGift, GiftListRow } from './gift.repository';
import { formatMoney } from './gift.money';

/** One side of a gift: a person, an organisation, or a person on behalf of an organisation. */
export interface GiftParty {
	person: { id: number; name: string } | null;
	organization: { id: number; name: string } | null;
}

export interface GiftListItem {
	id: number;
	direction: GiftDirection;
	directionLabel: string;
	/** YYYY-MM-DD, and as the page says it. */
	givenOn: string;
	date: string;
	description: string;
	/** "AZN 250.00"; null when not estimated. */
	value: string | null;
	disposition: GiftDisposition;
	dispositionLabel: string;
	giver: GiftParty;
	recipient: GiftParty;
	event: { id: number; title: string } | null;
	hasPhoto: boolean;
}

export interface GiftView extends GiftListItem {
	dispositionOn: string | null;
	dispositionNote: string | null;
	notes: string | null;
	photo: { name: string; size: number } | null;
	version: number;
}

type Side = 'giver' | 'recipient';

function partyOf(row: GiftListRow, side: Side): GiftParty {
	const personId = row[`${side}_person_id`];
	const given = row[`${side}_person_given_name`];
	const family = row[`${side}_person_family_name`];
	const organizationId = row[`${side}_organization_id`];
	const organizationName = row[`${side}_organization_name`];
	return {
		person:
			personId !== null && given !== null && family !== null
				? {
						id: personId,
						name: formatPersonName({
							honorific: row[`${side}_person_honorific`],
							given_name: given,
							family_name: family
						})
					}
				: null,
		organization:
			organizationId !== null && organizationName !== null
				? {
						id: organizationId,
						name: formatOrganizationName({
							name: organizationName,
							acronym: row[`${side}_organization_acronym`]
						})
					}
				: null
	};
}

/** "H.E. Mr Antonio Vitorino, IOM": the party as one line of a report or a CSV cell. */
export function partyText(party: GiftParty): string {
	return [party.person?.name, party.organization?.name].filter(Boolean).join(', ');
}

export function toGiftListItem(row: GiftListRow): GiftListItem {
	return {
		id: row.id,
		direction: row.direction,
		directionLabel: giftDirections.labels[row.direction],
		givenOn: row.given_on,
		date: formatCalendarDate(row.given_on),
		description: row.description,
		value: row.value_minor !== null && row.currency ? formatMoney(row.value_minor, row.currency) : null,
		disposition: row.disposition,
		dispositionLabel: giftDispositions.labels[row.disposition],
		giver: partyOf(row, 'giver'),
		recipient: partyOf(row, 'recipient'),
		event:
			row.event_id !== null && row.event_title !== null ? { id: row.event_id, title: row.event_title } : null,
		hasPhoto: row.photo_sha256 !== null
	};
}

export function toGiftView(row: NonNullable<Awaited<ReturnType<typeof findGift>>>): GiftView {
	return {
		...toGiftListItem(row),
		dispositionOn: row.disposition_on ? formatCalendarDate(row.disposition_on) : null,
		dispositionNote: row.disposition_note,
		notes: row.notes,
		photo:
			row.photo_name !== null && row.photo_size !== null
				? { name: row.photo_name, size: row.photo_size }
				: null,
		version: row.version
	};
}
