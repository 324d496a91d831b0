import { m } from '$lib/paraglide/messages';
import { error, redirect } from '@sveltejs/kit';
import { hasRole } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { CorrespondenceFileRemoveInput } from '$lib/server/correspondence/correspondence-file.input';
import {
	attachCorrespondenceFile,
	removeCorrespondenceFile
} from '$lib/server/correspondence/correspondence-file.service';
import { CorrespondenceRegisterInput } from '$lib/server/correspondence/correspondence.input';
import {
	discardDraft,
	findCorrespondencePage,
	registerCorrespondence
} from '$lib/server/correspondence/correspondence.service';
import { officeToday } from '$lib/server/calendar/calendar.settings';
import { database } from '$lib/server/db';
import { fileStorage } from '$lib/server/files';
import { formatByteSize } from '$lib/format/sizes';
import { formatCalendarDate } from '$lib/format/datetime';
import { datedDocument, type CorrespondenceView } from '$lib/server/correspondence/correspondence.view';
import { datedRef } from '$lib/server/events/event.ref';
import { fileSettings } from '$lib/server/files/file.settings';
import { receiveUpload } from '$lib/server/files/file.upload';
import { attempt, invalidInput, refuseForm } from '$lib/server/http/form-failure';
import { formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';
import { defineWords } from '$lib/server/i18n/words';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	correspondence_page_addressed_to: m.correspondence_page_addressed_to,
	correspondence_page_awaiting: m.correspondence_page_awaiting,
	correspondence_page_dated: m.correspondence_page_dated,
	correspondence_page_details: m.correspondence_page_details,
	correspondence_page_direction: m.correspondence_page_direction,
	correspondence_page_draft_badge: m.correspondence_page_draft_badge,
	correspondence_page_events: m.correspondence_page_events,
	correspondence_page_events_none: m.correspondence_page_events_none,
	correspondence_page_file_added: m.correspondence_page_file_added,
	correspondence_page_files: m.correspondence_page_files,
	correspondence_page_files_none: m.correspondence_page_files_none,
	correspondence_page_from: m.correspondence_page_from,
	correspondence_page_in_reply_to: m.correspondence_page_in_reply_to,
	correspondence_page_needs_reply: m.correspondence_page_needs_reply,
	correspondence_page_no_reference: m.correspondence_page_no_reference,
	correspondence_page_not_recorded: m.correspondence_page_not_recorded,
	correspondence_page_printable: m.correspondence_page_printable,
	correspondence_page_reference: m.correspondence_page_reference,
	correspondence_page_registered: m.correspondence_page_registered,
	correspondence_page_replies: m.correspondence_page_replies,
	correspondence_page_signed_by: m.correspondence_page_signed_by,
	correspondence_page_summary: m.correspondence_page_summary,
	correspondence_page_text: m.correspondence_page_text,
	correspondence_page_thread: m.correspondence_page_thread,
	correspondence_page_to: m.correspondence_page_to,
	correspondence_page_transmits: m.correspondence_page_transmits,
	correspondence_page_transmitted_by: m.correspondence_page_transmitted_by
});

/** The words of the panels only officers see: only they are sent them. */
const officerWords = defineWords({
	correspondence_edit_draft: m.correspondence_edit_draft,
	correspondence_edit_document: m.correspondence_edit_document,
	correspondence_page_remove: m.correspondence_page_remove,
	correspondence_page_remove_file: m.correspondence_page_remove_file,
	correspondence_page_attach: m.correspondence_page_attach,
	correspondence_page_attach_label: m.correspondence_page_attach_label,
	correspondence_page_attach_hint: m.correspondence_page_attach_hint
});

/** The register and discard panel's words: shown to officers on a draft only, so sent with it only. */
const draftWords = defineWords({
	correspondence_page_register_heading: m.correspondence_page_register_heading,
	correspondence_page_register_intro: m.correspondence_page_register_intro,
	correspondence_page_register_hint: m.correspondence_page_register_hint,
	correspondence_page_register_button: m.correspondence_page_register_button,
	correspondence_field_reference: m.correspondence_field_reference,
	correspondence_field_dated: m.correspondence_field_dated,
	correspondence_form_open_duplicate: m.correspondence_form_open_duplicate,
	correspondence_page_discard_summary: m.correspondence_page_discard_summary,
	correspondence_page_discard_note: m.correspondence_page_discard_note,
	correspondence_page_discard_button: m.correspondence_page_discard_button
});

/** The document with every date it shows written out, so that the page formats none (nor loads the code to). */
function withDates(view: CorrespondenceView) {
	const dated = <T extends { datedOn: string }>(doc: T | null) => doc && datedDocument(doc);
	return {
		...datedDocument(view),
		inReplyTo: dated(view.inReplyTo),
		transmits: dated(view.transmits),
		replies: view.replies.map(datedDocument),
		transmittedBy: view.transmittedBy.map(datedDocument),
		files: view.files.map((file) => ({
			...file,
			uploaded: formatCalendarDate(file.uploadedAt.slice(0, 10))
		})),
		events: view.events.map((event) => datedRef(event))
	};
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const view = await findCorrespondencePage(database().db, Number(params.correspondenceId));
	if (!view) error(404, m.correspondence_not_found());
	const record = withDates(view);
	const officer = hasRole(locals.user, 'officer');
	return {
		record,
		fileSizeLimit: formatByteSize(fileSettings().sizeLimit),
		today: officeToday(),
		words: pageWords(),
		officerWords: officer ? officerWords() : null,
		draftWords: officer && record.draft ? draftWords() : null
	};
};

export const actions: Actions = {
	/** A drafted letter registered: its reference number given, and the date it goes out. */
	register: async (event) => {
		const correspondenceId = Number(event.params.correspondenceId);
		const fields = formFields(await event.request.formData(), ['referenceNumber', 'datedOn', 'version']);
		const values = {
			referenceNumber: fields.referenceNumber ?? '',
			datedOn: fields.datedOn ?? '',
			version: fields.version ?? ''
		};
		const context = { form: 'register' as const, values };
		const parsed = CorrespondenceRegisterInput.safeParse(values);
		if (!parsed.success) return invalidInput(parsed.error, context);
		return attempt(context, async () => {
			await registerCorrespondence(database().db, actorOf(event), correspondenceId, parsed.data);
			redirect(303, `/correspondence/${correspondenceId}?registered=1`);
		});
	},
	/** A draft discarded: back to the thank-you letters of the event it was drafted for, if one. */
	discard: async (event) => {
		const correspondenceId = Number(event.params.correspondenceId);
		const { version } = formFields(await event.request.formData(), ['version']);
		const context = { form: 'discard' as const, values: {} };
		if (!version || !/^\d{1,9}$/.test(version)) {
			return refuseForm(400, m.correspondence_error_open_draft_again(), context);
		}
		return attempt(context, async () => {
			const events = await discardDraft(database().db, actorOf(event), correspondenceId, Number(version));
			redirect(303, events.length === 1 ? `/events/${events[0]}/thank-you?discarded=1` : '/correspondence');
		});
	},
	/** A multipart form with one file, streamed to the file store's staging folder as it arrives. */
	attach: async (event) => {
		const correspondenceId = Number(event.params.correspondenceId);
		const storage = fileStorage();
		const { sizeLimit } = fileSettings();
		const upload = await receiveUpload(event.request, {
			field: 'file',
			directory: storage.stagingDirectory,
			sizeLimit
		});
		return attempt({ form: 'attach' as const, values: {} }, async () => {
			await attachCorrespondenceFile(
				database().db,
				actorOf(event),
				correspondenceId,
				upload,
				sizeLimit,
				storage
			);
			redirect(303, `/correspondence/${correspondenceId}#files`);
		});
	},
	detach: async (event) => {
		const correspondenceId = Number(event.params.correspondenceId);
		const fields = formFields(await event.request.formData(), ['fileId']);
		const context = { form: 'detach' as const, values: { fileId: fields.fileId ?? '' } };
		const parsed = CorrespondenceFileRemoveInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, context);
		return attempt(context, async () => {
			await removeCorrespondenceFile(
				database().db,
				actorOf(event),
				correspondenceId,
				parsed.data.fileId,
				fileStorage()
			);
			redirect(303, `/correspondence/${correspondenceId}#files`);
		});
	}
};
