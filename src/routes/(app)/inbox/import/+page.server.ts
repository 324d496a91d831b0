import { fail, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { m } from '$lib/paraglide/messages';
import { formatByteSize } from '$lib/format/sizes';
import { database } from '$lib/server/db';
import { attempt, formFailure } from '$lib/server/http/form-failure';
import { invitationSourceOf } from '$lib/server/inbox/invitation-import.input';
import {
	getInvitationImportForm,
	importInvitation,
	previewInvitation,
	SOURCE_FIELD
} from '$lib/server/inbox/invitation-import.service';
import { MAX_INVITATION_BYTES } from '$lib/server/inbox/invitation.parse';
import type { Actions, PageServerLoad } from './$types';
import { defineWords } from '$lib/server/i18n/words';
import { invitationPreviewWords } from '$lib/server/inbox/invitation-preview.words';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	inbox_import_file: m.inbox_import_file,
	inbox_import_intro: m.inbox_import_intro,
	inbox_import_paste: m.inbox_import_paste,
	inbox_import_paste_hint: m.inbox_import_paste_hint,
	inbox_import_preview: m.inbox_import_preview,
	inbox_import_title: m.inbox_import_title,
	inbox_title: m.inbox_title
});

export const load: PageServerLoad = async (event) => ({
	...getInvitationImportForm(actorOf(event)),
	words: { ...invitationPreviewWords(), ...pageWords() }
});

/** The calendar sent, or the refusal beside its field when there is none or it is too large. */
async function sourceOr(request: Request, form: 'preview' | 'import') {
	const { source, tooLarge } = await invitationSourceOf(await request.formData());
	const context = { form, values: { source: tooLarge ? '' : source } };
	const problem = tooLarge
		? m.inbox_import_too_large({ size: formatByteSize(MAX_INVITATION_BYTES) })
		: source.trim()
			? null
			: m.inbox_import_choose();
	if (problem) return { refusal: fail(400, formFailure(context, { [SOURCE_FIELD]: problem })) };
	return { source, context };
}

export const actions: Actions = {
	preview: async (event) => {
		const read = await sourceOr(event.request, 'preview');
		if ('refusal' in read) return read.refusal;
		return attempt(read.context, async () => ({
			form: 'preview' as const,
			source: read.source,
			preview: await previewInvitation(database().db, actorOf(event), read.source)
		}));
	},
	import: async (event) => {
		const read = await sourceOr(event.request, 'import');
		if ('refusal' in read) return read.refusal;
		return attempt(read.context, async () => {
			const result = await importInvitation(database().db, actorOf(event), read.source);
			redirect(303, `/events/${result.eventId}?imported=${result.action}`);
		});
	}
};
