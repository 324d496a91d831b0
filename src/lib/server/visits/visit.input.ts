/**
 * The visit form (title, kind, the visiting delegation and its members, host, dates, zone) and the
 * programme item form (a meeting that is an event, or logistics with its own wall-clock times in an
 * IANA zone), each message beside its field.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
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
		title: plainText('Title', 300),
		kind: z.enum(visitKinds.values, { error: 'Say whether the visit is official or working.' }),
		organizationId: optional(recordId('Choose an organisation from the list.')),
		hostOrganizationId: optional(recordId('Choose an organisation from the list.')),
		memberIds: recordIds('Choose people from the list.'),
		startsOn: calendarDate('first day'),
		endsOn: calendarDate('last day'),
		timeZone: ianaTimeZone('Time zone'),
		timing: z.enum(timingCertainties.values, { error: 'Say whether the dates are known or assumed.' }),
		notes: optional(plainText('Notes', 10_000, { multiline: true }))
	})
	.superRefine((input, ctx) => {
		if (input.endsOn < input.startsOn) {
			ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'The last day cannot be before the first.' });
		} else if (
			DateTime.fromISO(input.endsOn).diff(DateTime.fromISO(input.startsOn), 'days').days >= MAX_VISIT_DAYS
		) {
			ctx.addIssue({
				code: 'custom',
				path: ['endsOn'],
				message: `A visit may take at most ${MAX_VISIT_DAYS} days.`
			});
		}
		if (input.memberIds.length > 200) {
			ctx.addIssue({ code: 'custom', path: ['memberIds'], message: 'A delegation of more than 200?' });
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

const line = (label: string) => optional(plainText(label, 300));

/**
 * A programme item. A meeting names its event and nothing else of time or place (the event has them);
 * logistics has a title, start and end (wall clock in its zone, the end not before the start) and the
 * fields of its kind. Start and end come out as UTC instants.
 */
export const ItemInput = z
	.object({
		kind: z.enum(visitItemKinds.values, { error: 'Choose what kind of item this is.' }),
		eventId: z.string(),
		title: z.string(),
		start: z.string(),
		end: z.string(),
		timeZone: z.string(),
		place: line('Place'),
		destination: line('Destination'),
		flight: line('Flight'),
		greeter: line('Greeted by'),
		vehicle: line('Vehicle'),
		driver: line('Driver'),
		notes: optional(plainText('Notes', 4000, { multiline: true })),
		forEveryone: z.string().transform((value) => value === 'on' || value === '1'),
		personIds: recordIds('Choose people of the delegation.'),
		timing: z
			.string()
			.transform((value) => value || 'exact')
			.pipe(z.enum(timingCertainties.values, { error: 'Say whether the time is known or assumed.' }))
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
			const eventId = read(recordId('Choose the meeting’s event.'), form.eventId.trim(), 'eventId');
			return { kind: 'meeting' as const, eventId: eventId ?? 0, notes: form.notes, ...people };
		}
		if (!form.forEveryone && form.personIds.length === 0) {
			issue('personIds', 'Choose whom it concerns, or say it is for the whole delegation.');
		}
		const title = read(plainText('Title', 300), form.title, 'title');
		const timeZone = read(ianaTimeZone('Time zone'), form.timeZone, 'timeZone');
		const start = read(localDateTime('Start'), form.start, 'start');
		const end = read(localDateTime('End'), form.end, 'end');
		let startAt = '';
		let endAt = '';
		if (timeZone && start && end) {
			startAt = DateTime.fromISO(start, { zone: timeZone }).toUTC().toISO()!;
			endAt = DateTime.fromISO(end, { zone: timeZone }).toUTC().toISO()!;
			if (endAt < startAt) issue('end', 'The end cannot come before the start.');
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
	itemId: recordId('There is no such item.'),
	direction: z.enum(['up', 'down'], { error: 'Move it up or down.' })
});

export const ItemRemoveInput = z.object({ itemId: recordId('There is no such item.') });
