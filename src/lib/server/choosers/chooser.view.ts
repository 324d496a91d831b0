/** What a chooser shows of a record, and the names a typed text must equal to take it. */
import { formatCalendarDate } from '../../format/datetime';
import { formatOrganizationName, formatPersonName } from '../../format/names';
import { localizedOptionalColumn } from '../../i18n/localized-text';
import type { ChooserKind } from '../db/schema';
import type {
	listCorrespondenceChoiceRows,
	listOrganizationChoiceRows,
	listPersonChoiceRows,
	listVenueChoiceRows
} from './chooser.repository';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

export interface ChoiceView {
	id: number;
	/** What the chooser's field holds once the record is chosen. */
	label: string;
	/** One line under it, to tell records of one name apart. */
	detail: string | null;
	/** A venue's time zone, which the event form defaults to. */
	timeZone?: string;
}

/** The records a form's values name, by kind, to show in its choosers. */
export type NamedChoices = Partial<Record<ChooserKind, ChoiceView[]>>;

/** A chosen record and every name typing which takes it. */
export interface Choosable {
	view: ChoiceView;
	names: (string | null)[];
}

const line = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ') || null;

export const choiceNouns: Record<ChooserKind, { one: string; many: string }> = {
	organization: { one: 'organisation', many: 'organisations' },
	person: { one: 'person', many: 'people' },
	correspondence: { one: 'letter', many: 'letters' },
	venue: { one: 'venue', many: 'venues' }
};

export function organizationChoice(row: Rows<typeof listOrganizationChoiceRows>[number]): Choosable {
	return {
		view: { id: row.id, label: formatOrganizationName(row), detail: line(row.city, row.country_code) },
		names: [row.name, row.acronym]
	};
}

export function personChoice(row: Rows<typeof listPersonChoiceRows>[number]): Choosable {
	const organization = row.organization_acronym ?? row.organization_name;
	return {
		view: {
			id: row.id,
			label: formatPersonName(row),
			detail: line(localizedOptionalColumn(row, 'position')?.text, organization)
		},
		names: [`${row.given_name} ${row.family_name}`, `${row.family_name} ${row.given_name}`, row.native_name]
	};
}

export function correspondenceChoice(row: Rows<typeof listCorrespondenceChoiceRows>[number]): Choosable {
	// A whole subject would be wider than any field.
	const subject = row.subject.length > 70 ? `${row.subject.slice(0, 69)}…` : row.subject;
	return {
		view: {
			id: row.id,
			label: row.reference_number ? `${row.reference_number} · ${subject}` : subject,
			detail: line(formatCalendarDate(row.dated_on), row.sender_acronym ?? row.sender_name)
		},
		names: [row.reference_number, row.subject]
	};
}

export function venueChoice(row: Rows<typeof listVenueChoiceRows>[number]): Choosable {
	return {
		view: { id: row.id, label: row.name, detail: line(row.city, row.country_code), timeZone: row.time_zone },
		names: [row.name]
	};
}
