/**
 * The words of a post's fields (src/routes/(app)/people/[personId=id]/positions/PositionFields.svelte),
 * for the page that adds a post and the page that edits one to send with their own.
 */
import { m } from '../../paraglide/messages.js';

export const positionFieldMessages = {
	positions_label_position: m.positions_label_position,
	positions_label_organization: m.positions_label_organization,
	positions_label_rank: m.positions_label_rank,
	positions_label_from: m.positions_label_from,
	positions_label_to: m.positions_label_to,
	positions_label_notes: m.positions_label_notes,
	positions_hint_position: m.positions_hint_position,
	positions_hint_from: m.positions_hint_from,
	positions_hint_to: m.positions_hint_to,
	positions_hint_notes: m.positions_hint_notes,
	positions_versions_legend: m.positions_versions_legend,
	positions_organization_none: m.positions_organization_none
};
