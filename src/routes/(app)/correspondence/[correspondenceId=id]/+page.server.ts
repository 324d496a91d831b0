import { m } from '$lib/paraglide/messages';
import { error, redirect } from '@sveltejs/kit';
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
import { fileSettings } from '$lib/server/files/file.settings';
import { receiveUpload } from '$lib/server/files/file.upload';
import { attempt, invalidInput, refuseForm } from '$lib/server/http/form-failure';
import { formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const record = await findCorrespondencePage(database().db, Number(params.correspondenceId));
	if (!record) error(404, m.correspondence_not_found());
	return { record, fileSizeLimit: formatByteSize(fileSettings().sizeLimit), today: officeToday() };
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
