/**
 * The words of a record's form around its fields (RecordSaveForm.svelte, with StaleNotice.svelte), for
 * the new and edit pages that show it to send.
 */
import { m } from '../../paraglide/messages.js';
import { defineWords } from './words';

export const recordFormWords = defineWords({
	records_cancel: m.records_cancel,
	records_stale_empty: m.records_stale_empty,
	records_stale_field: m.records_stale_field,
	records_stale_theirs: m.records_stale_theirs,
	records_stale_yes: m.records_stale_yes,
	records_stale_yours: m.records_stale_yours
});

export type RecordFormWords = ReturnType<typeof recordFormWords>;
