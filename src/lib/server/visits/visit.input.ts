/**
 * The visit form (title, kind, the visiting delegation and its members, host, dates, zone) and the
 * programme item form (a meeting that is an event, or logistics with its own wall-clock times in an
 * IANA zone), each message beside its field.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { m } from '../../paraglide/messages.js';
import { timingCertainties, visitItemKinds, visitKinds } from '../../vocabulary';
import {
	calendarDate,
	optional,
	plainText,
	recordFormOf,
	recordId,
	recordIds,
	type RecordFormValues
} from '../validation';
import { localDateTime } from '../events/event.input';
import { ianaTimeZone } from '../venues/venue.input';

export const VISIT_FIELDS = [
	'title',
	'kind',
	'organizationId',
	'hostOrganizationId',
	'memberIds',
	'startsOn',
	'endsOn',
	'timeZone',
	'timing',
	'notes'
] as const;

export type VisitFormValues = RecordFormValues<(typeof VISIT_FIELDS)[number]>;

export const VISIT_FORM = recordFormOf(VISIT_FIELDS, ['memberIds']);

/** A visit lasts days, not months: a longer one is a mistyped date. */
export const MAX_VISIT_DAYS = 31;

export const VisitInput = z
	.object({
		title: plainText(m.visits_field_title, 300),
		kind: z.enum(visitKinds.values, { error: () => m.visits_error_kind() }),
		organizationId: optional(recordId(m.visits_error_organization)),
		hostOrganizationId: optional(recordId(m.visits_error_organization)),
		memberIds: recordIds(m.visits_error_people),
		startsOn: calendarDate(m.visits_error_first_day),
		endsOn: calendarDate(m.visits_error_last_day),
		timeZone: ianaTimeZone(m.visits_field_time_zone),
		timing: z.enum(timingCertainties.values, { error: () => m.visits_error_dates_timing() }),
		notes: optional(plainText(m.visits_field_notes, 10_000, { multiline: true }))
	})
	.superRefine((input, ctx) => {
		if (input.endsOn < input.startsOn) {
			ctx.addIssue({ code: 'custom', path: ['endsOn'], message: m.visits_error_last_before_first() });
		} else if (
			DateTime.fromISO(input.endsOn).diff(DateTime.fromISO(input.startsOn), 'days').days >= MAX_VISIT_DAYS
		) {
			ctx.addIssue({
				code: 'custom',
				path: ['endsOn'],
				message: m.visits_error_too_long({ max: MAX_VISIT_DAYS })
			});
		}
		if (input.memberIds.length > 200) {
			ctx.addIssue({ code: 'custom', path: ['memberIds'], message: m.visits_error_too_many() });
		}
	});
export type VisitInput = z.infer<typeof VisitInput>;

export const ITEM_FIELDS = [
	'kind',
	'eventId',
	'title',
	'start',
	'end',
	'timeZone',
	'place',
	'destination',
	'flight',
	'greeter',
	'vehicle',
	'driver',
	'notes',
	'forEveryone',
	'personIds',
	'timing'
] as const;

export type ItemFormValues = RecordFormValues<(typeof ITEM_FIELDS)[number]>;

export const ITEM_FORM = recordFormOf(ITEM_FIELDS, ['personIds']);

/** A new item's form: on the visit's first day, in its zone, for the whole delegation. */
export function newItemForm(kind: string, visit: { startsOn: string; timeZone: string }): ItemFormValues {
	return {
		...ITEM_FORM.empty(),
		kind,
		start: `${visit.startsOn}T09:00`,
		end: `${visit.startsOn}T10:00`,
		timeZone: visit.timeZone,
		forEveryone: 'on',
		timing: 'exact'
	};
}

const line = (label: () => string) => optional(plainText(label, 300));

/**
 * A programme item. A meeting names its event and nothing else of time or place (the event has them);
 * logistics has a title, start and end (wall clock in its zone, the end not before the start) and the
 * fields of its kind. Start and end come out as UTC instants.
 */
export const ItemInput = z
	.object({
		kind: z.enum(visitItemKinds.values, { error: () => m.visits_error_item_kind() }),
		eventId: z.string(),
		title: z.string(),
		start: z.string(),
		end: z.string(),
		timeZone: z.string(),
		place: line(m.visits_field_place),
		destination: line(m.visits_field_to),
		flight: line(m.visits_detail_flight),
		greeter: line(m.visits_field_greeted_by),
		vehicle: line(m.visits_field_vehicle),
		driver: line(m.visits_field_driver),
		notes: optional(plainText(m.visits_field_notes, 4000, { multiline: true })),
		forEveryone: z.string().transform((value) => value === 'on' || value === '1'),
		personIds: recordIds(m.visits_error_delegation_people),
		timing: z
			.string()
			.transform((value) => value || 'exact')
			.pipe(z.enum(timingCertainties.values, { error: () => m.visits_error_time_timing() }))
	})
	.transform((form, ctx) => {
		const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
		const read = <T>(schema: z.ZodType<T>, value: string, path: string): T | null => {
			const parsed = schema.safeParse(value);
			if (parsed.success) return parsed.data;
			issue(path, parsed.error.issues[0]!.message);
			return null;
		};
		const people = { forEveryone: form.forEveryone, personIds: form.forEveryone ? [] : form.personIds };
		if (form.kind === 'meeting') {
			const eventId = read(recordId(m.visits_error_meeting_event), form.eventId.trim(), 'eventId');
			return { kind: 'meeting' as const, eventId: eventId ?? 0, notes: form.notes, ...people };
		}
		if (!form.forEveryone && form.personIds.length === 0) {
			issue('personIds', m.visits_error_whom());
		}
		const title = read(plainText(m.visits_field_title, 300), form.title, 'title');
		const timeZone = read(ianaTimeZone(m.visits_field_time_zone), form.timeZone, 'timeZone');
		const start = read(localDateTime(m.visits_field_start), form.start, 'start');
		const end = read(localDateTime(m.visits_field_end), form.end, 'end');
		let startAt = '';
		let endAt = '';
		if (timeZone && start && end) {
			startAt = DateTime.fromISO(start, { zone: timeZone }).toUTC().toISO()!;
			endAt = DateTime.fromISO(end, { zone: timeZone }).toUTC().toISO()!;
			if (endAt < startAt) issue('end', m.visits_error_end_before_start());
		}
		const transfer = form.kind === 'transfer';
		const travel = form.kind === 'arrival' || form.kind === 'departure';
		return {
			kind: form.kind,
			eventId: null,
			title: title ?? '',
			startAt,
			endAt,
			timeZone: timeZone ?? '',
			place: form.place,
			destination: transfer ? form.destination : null,
			flight: travel ? form.flight : null,
			greeter: travel ? form.greeter : null,
			vehicle: transfer || travel ? form.vehicle : null,
			driver: transfer || travel ? form.driver : null,
			notes: form.notes,
			timing: form.timing,
			...people
		};
	});
export type ItemInput = z.output<typeof ItemInput>;
export type LogisticsInput = Exclude<ItemInput, { kind: 'meeting' }>;

/** Moving an item one place up or down the programme. */
export const ItemMoveInput = z.object({
	itemId: recordId(m.visits_error_no_item),
	direction: z.enum(['up', 'down'], { error: () => m.visits_error_up_or_down() })
});

export const ItemRemoveInput = z.object({ itemId: recordId(m.visits_error_no_item) });
