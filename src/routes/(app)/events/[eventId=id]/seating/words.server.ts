/**
 * The words of the seating plan (its page and SeatingDiagram.svelte, also on the printed diagram), for
 * the loads to send: those of the forms that change the plan, and of moving guests on the diagram, only
 * to those who may change it.
 */
import { m } from '$lib/paraglide/messages';
import { defineWords } from '$lib/server/i18n/words';

/** What the diagram says, to every reader. */
export const seatingDiagramWords = defineWords({
	seating_empty: m.seating_empty,
	seating_seat_title: m.seating_seat_title,
	seating_table_caption: m.seating_table_caption,
	seating_table_summary: m.seating_table_summary
});

export type SeatingDiagramWords = ReturnType<typeof seatingDiagramWords>;

/** What the diagram says while an officer moves a guest with the keyboard or by dragging. */
export const seatingSwapWords = defineWords({
	seating_an_empty_seat: m.seating_an_empty_seat,
	seating_picked_up: m.seating_picked_up,
	seating_put_back: m.seating_put_back,
	seating_seat_pair: m.seating_seat_pair
});

export type SeatingSwapWords = ReturnType<typeof seatingSwapWords>;

/** The plan's page, as every reader sees it. */
export const seatingPageWords = defineWords({
	seating_change_version: m.seating_change_version,
	seating_changes: m.seating_changes,
	seating_changes_none: m.seating_changes_none,
	seating_changes_since: m.seating_changes_since,
	seating_col_guest: m.seating_col_guest,
	seating_col_place: m.seating_col_place,
	seating_col_seat: m.seating_col_seat,
	seating_no_plan: m.seating_no_plan,
	seating_no_seat: m.seating_no_seat,
	seating_page_title: m.seating_page_title,
	seating_place_cards: m.seating_place_cards,
	seating_place_side: m.seating_place_side,
	seating_print_diagram: m.seating_print_diagram,
	seating_printing: m.seating_printing,
	seating_table_cards: m.seating_table_cards,
	seating_tables_heading: m.seating_tables_heading,
	seating_tables_hint: m.seating_tables_hint,
	seating_title: m.seating_title,
	seating_truncated: m.seating_truncated,
	seating_version: m.seating_version,
	seating_version_printed: m.seating_version_printed
});

/** The plan's forms and warnings, for those who may change it. */
export const seatingEditorWords = defineWords({
	seating_add_default_name: m.seating_add_default_name,
	seating_add_heading: m.seating_add_heading,
	seating_add_submit: m.seating_add_submit,
	seating_alternate_hosts: m.seating_alternate_hosts,
	seating_col_needs: m.seating_col_needs,
	seating_first_seat: m.seating_first_seat,
	seating_generate: m.seating_generate,
	seating_generate_again: m.seating_generate_again,
	seating_generate_again_heading: m.seating_generate_again_heading,
	seating_generate_heading: m.seating_generate_heading,
	seating_generate_hint: m.seating_generate_hint,
	seating_generate_replaces: m.seating_generate_replaces,
	seating_guest: m.seating_guest,
	seating_guest_option: m.seating_guest_option,
	seating_guest_option_away: m.seating_guest_option_away,
	seating_keep_delegations: m.seating_keep_delegations,
	seating_layout: m.seating_layout,
	seating_layout_banquet: m.seating_layout_banquet,
	seating_layout_bilateral: m.seating_layout_bilateral,
	seating_long: m.seating_long,
	seating_mark_printed: m.seating_mark_printed,
	seating_move_heading: m.seating_move_heading,
	seating_move_hint: m.seating_move_hint,
	seating_name: m.seating_name,
	seating_other_tables: m.seating_other_tables,
	seating_remove_table: m.seating_remove_table,
	seating_round: m.seating_round,
	seating_rules: m.seating_rules,
	seating_save_table: m.seating_save_table,
	seating_seat: m.seating_seat,
	seating_seat_option: m.seating_seat_option,
	seating_seat_option_empty: m.seating_seat_option_empty,
	seating_seat_them: m.seating_seat_them,
	seating_seats: m.seating_seats,
	seating_seats_per_table: m.seating_seats_per_table,
	seating_second_seat: m.seating_second_seat,
	seating_shape: m.seating_shape,
	seating_swap: m.seating_swap,
	seating_swap_heading: m.seating_swap_heading,
	seating_tables: m.seating_tables,
	seating_tables_hint_edit: m.seating_tables_hint_edit,
	seating_tables_hint_marks: m.seating_tables_hint_marks,
	seating_top_seats: m.seating_top_seats,
	seating_top_table: m.seating_top_table,
	seating_unseat: m.seating_unseat,
	seating_unseat_heading: m.seating_unseat_heading,
	seating_warnings: m.seating_warnings,
	seating_warnings_none: m.seating_warnings_none
});
