import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

/** What became of a gift, as declarations ask. */
export const giftDispositions = /* @__PURE__ */ vocabulary({
	undecided: m.vocabulary_gift_disposition_undecided,
	kept: m.vocabulary_gift_disposition_kept,
	archived: m.vocabulary_gift_disposition_archived,
	declared: m.vocabulary_gift_disposition_declared,
	returned: m.vocabulary_gift_disposition_returned
});
