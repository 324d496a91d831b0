/**
 * The words of a list's frame, its filter form and its pager (FilterForm.svelte, Pager.svelte), for
 * the list pages that show them to send with their own.
 */
import { m } from '../../paraglide/messages.js';
import { defineWords } from './words';

export const listWords = defineWords({
	records_filter_button: m.records_filter_button,
	records_filter_clear: m.records_filter_clear,
	records_pager_label: m.records_pager_label,
	records_pager_next: m.records_pager_next,
	records_pager_previous: m.records_pager_previous
});

export type ListWords = ReturnType<typeof listWords>;
