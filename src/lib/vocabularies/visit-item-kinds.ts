import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

/** What one item of a visit programme is. */
export const visitItemKinds = /* @__PURE__ */ vocabulary({
	meeting: m.vocabulary_visit_item_kind_meeting,
	arrival: m.vocabulary_visit_item_kind_arrival,
	departure: m.vocabulary_visit_item_kind_departure,
	transfer: m.vocabulary_visit_item_kind_transfer,
	meal: m.vocabulary_visit_item_kind_meal,
	hotel: m.vocabulary_visit_item_kind_hotel,
	free_time: m.vocabulary_visit_item_kind_free_time
});
