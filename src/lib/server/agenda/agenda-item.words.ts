/** The words of an agenda item's fields (AgendaItemFields.svelte), for the pages that show them to send. */
import { m } from '../../paraglide/messages.js';
import { agendaItemKinds } from '../../vocabulary';
import { defineWords } from '../i18n/words';

export const agendaItemFieldsWords = defineWords({
	agendaItemKinds,
	agenda_itemform_duration: m.agenda_itemform_duration,
	agenda_itemform_kind: m.agenda_itemform_kind,
	agenda_itemform_notes: m.agenda_itemform_notes,
	agenda_itemform_published: m.agenda_itemform_published,
	agenda_itemform_title: m.agenda_itemform_title,
	content_title_versions: m.content_title_versions
});

export type AgendaItemFieldsWords = ReturnType<typeof agendaItemFieldsWords>;
