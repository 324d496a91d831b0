/**
 * How the hourly grid tells kinds of event apart: a colour each (its class `kind-<kind>`, in
 * CalendarGrid.svelte) and, so that colour is never the only cue, a short mark printed on the event
 * and explained in the legend beside the label.
 */
import type { EventKind } from '$lib/vocabulary';

export const KIND_MARKS: Record<EventKind, string> = {
	observance: 'OBS',
	forum: 'FOR',
	debrief: 'DEB',
	bilateral_meeting: 'BIL',
	multilateral_meeting: 'MUL',
	official_visit: 'OFV',
	working_visit: 'WKV',
	council_session: 'CNL',
	training: 'TRN',
	signing_ceremony: 'SGN',
	reception: 'REC',
	other: 'OTH'
};
