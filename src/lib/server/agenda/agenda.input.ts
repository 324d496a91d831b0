/** What the agenda builder's forms may send, checked before any service sees it. */
import { z } from 'zod';
import { agendaItemKinds, agendaRoles } from '../../vocabulary';
import { positiveId } from '../query-params';
import { m } from '../../paraglide/messages.js';
import { plainText } from '../validation';
import { versionFieldNames, versionSchemas } from '../content/content-versions.input';

/** The longest item we accept: a whole day. */
export const AGENDA_ITEM_MAX_MINUTES = 24 * 60;
/** More items than any programme has; bounds what a reorder may send. */
export const AGENDA_MAX_ITEMS = 500;

// Messages are functions, read in the reader's language when a form is checked.
const id = (message: () => string) =>
	z
		.string({ error: message })
		.trim()
		.regex(/^[1-9]\d{0,15}$/, { error: message })
		.transform(Number)
		.pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER, { error: message }));

const durationMessage = () => m.agenda_error_duration({ max: AGENDA_ITEM_MAX_MINUTES });

/** Minutes, or null when the field is left empty (the item then takes no time on the clock). */
const durationMinutes = z
	.string()
	.optional()
	.transform((value, context) => {
		const text = value?.trim() ?? '';
		if (text === '') return null;
		const minutes = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
		if (!(minutes >= 1 && minutes <= AGENDA_ITEM_MAX_MINUTES)) {
			context.addIssue({ code: 'custom', message: durationMessage() });
			return z.NEVER;
		}
		return minutes;
	});

/** Notes, or null when left empty. */
const optionalNotes = z
	.string()
	.optional()
	.transform((value) => (value?.trim() ? value : undefined))
	.pipe(plainText(m.agenda_itemform_notes, 4000, { multiline: true }).optional())
	.transform((value) => value ?? null);

/** A checkbox: present ("on") when ticked, absent when not. */
const checkbox = z
	.string()
	.optional()
	.transform((value) => value !== undefined && value !== '');

const titleVersions = versionSchemas(300);

export const AgendaItemInput = z.object({
	kind: z.enum(agendaItemKinds.values, { error: () => m.agenda_error_kind() }),
	title: plainText(m.agenda_itemform_title, 300),
	// The title's language and its versions in other languages (content versions, issue 18 §2).
	titleLocale: titleVersions.locale,
	titleAz: titleVersions.az,
	titleEn: titleVersions.en,
	titleRu: titleVersions.ru,
	durationMinutes,
	notes: optionalNotes,
	published: checkbox
});
/** The title's versions may be left out by a caller that has none (they then read as none). */
type VersionKey = 'titleLocale' | 'titleAz' | 'titleEn' | 'titleRu';
type VersionsOptional<T> = Omit<T, VersionKey> & Partial<Pick<T, VersionKey & keyof T>>;
export type AgendaItemInput = VersionsOptional<z.infer<typeof AgendaItemInput>>;
export const AGENDA_ITEM_FIELDS = [
	'kind',
	'title',
	...versionFieldNames('title'),
	'durationMinutes',
	'notes',
	'published'
] as const;

export const AgendaItemUpdateInput = AgendaItemInput.extend({
	version: id(m.agenda_error_version)
});
export type AgendaItemUpdateInput = VersionsOptional<z.infer<typeof AgendaItemUpdateInput>>;
export const AGENDA_ITEM_UPDATE_FIELDS = [...AGENDA_ITEM_FIELDS, 'version'] as const;

export const AgendaItemRef = z.object({ itemId: id(m.agenda_error_no_item) });

export const AgendaMoveInput = z.object({
	itemId: id(m.agenda_error_no_item),
	direction: z.enum(['up', 'down'], { error: () => m.agenda_error_direction() })
});
export type AgendaMoveInput = z.infer<typeof AgendaMoveInput>;

/** The new order as the drag-and-drop script sends it: the item ids, comma-separated, first to last. */
export const AgendaReorderInput = z.object({
	order: z
		.string({ error: () => m.agenda_error_no_order() })
		.max(AGENDA_MAX_ITEMS * 17, { error: () => m.agenda_error_order_too_long() })
		.transform((value) => value.split(',').map((part) => part.trim()))
		.pipe(
			z
				.array(id(m.agenda_error_order_not_item))
				.min(1, { error: () => m.agenda_error_no_order() })
				.max(AGENDA_MAX_ITEMS, { error: () => m.agenda_error_order_too_long() })
		),
	/** The item that was dragged, for the page to say where it went; anything else is ignored. */
	moved: z
		.string()
		.optional()
		.transform((value) => positiveId(value ?? null))
});
export type AgendaReorderInput = z.infer<typeof AgendaReorderInput>;

export const AgendaAssignInput = z.object({
	personId: id(m.agenda_error_choose_person),
	role: z.enum(agendaRoles.values, { error: () => m.agenda_error_choose_role() })
});
export type AgendaAssignInput = z.infer<typeof AgendaAssignInput>;

/** The words of a name to look for, from the person search on an item's page; too little is no search. */
export function parsePersonSearch(value: string | null): string[] {
	const words = (value ?? '').slice(0, 100).replace(/\p{C}/gu, ' ').split(/\s+/).filter(Boolean).slice(0, 5);
	return words.join('').length >= 2 ? words : [];
}
