import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

/** How much of a date a source gives: "since 2014" is 2014-01-01 to the year. */
export const datePrecisions = /* @__PURE__ */ vocabulary({
	year: m.vocabulary_date_precision_year,
	month: m.vocabulary_date_precision_month,
	day: m.vocabulary_date_precision_day
});
