/**
 * The words a record chooser's field shows before anything is typed (src/lib/components/RecordChooser.svelte),
 * sent by the (app) layout with every page, in the page's language, rather than each page's script carrying
 * them in three languages. What it says as one types comes with its search (chooser-search.ts).
 */
import { m } from '../../paraglide/messages.js';
import { defineWords } from '../i18n/words';

export const chooserFieldWords = defineWords({
	records_chooser_chosen: m.records_chooser_chosen,
	records_chooser_placeholder: m.records_chooser_placeholder,
	records_chooser_placeholder_add: m.records_chooser_placeholder_add,
	records_chooser_which: m.records_chooser_which
});

export type ChooserFieldWords = ReturnType<typeof chooserFieldWords>;
