import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

export const timingCertainties = /* @__PURE__ */ vocabulary({
	exact: m.vocabulary_timing_exact,
	time_assumed: m.vocabulary_timing_time_assumed,
	date_assumed: m.vocabulary_timing_date_assumed
});
