import { m } from '$lib/paraglide/messages';
import { error, redirect } from '@sveltejs/kit';
import { hasRole } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { fileStorage } from '$lib/server/files';
import { formatByteSize } from '$lib/format/sizes';
import { fileSettings } from '$lib/server/files/file.settings';
import { receiveUpload } from '$lib/server/files/file.upload';
import { GiftEventInput } from '$lib/server/gifts/gift.input';
import { attachGiftPhoto, findGiftPage, removeGiftPhoto, setGiftEvent } from '$lib/server/gifts/gift.service';
import { attempt } from '$lib/server/http/form-failure';
import { changeLinkAction } from '../../link-actions.server';
import type { Actions, PageServerLoad } from './$types';
import { defineWords } from '$lib/server/i18n/words';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	gifts_field_event: m.gifts_field_event,
	gifts_list_date: m.gifts_list_date,
	gifts_list_disposition: m.gifts_list_disposition,
	gifts_list_from: m.gifts_list_from,
	gifts_list_to: m.gifts_list_to,
	gifts_list_value: m.gifts_list_value,
	gifts_page_details: m.gifts_page_details,
	gifts_page_kind: m.gifts_page_kind,
	gifts_page_none_named: m.gifts_page_none_named,
	gifts_page_not_estimated: m.gifts_page_not_estimated,
	gifts_page_photo: m.gifts_page_photo,
	gifts_page_photo_alt: m.gifts_page_photo_alt,
	gifts_page_photo_none: m.gifts_page_photo_none,
	gifts_page_since: m.gifts_page_since,
	gifts_page_state: m.gifts_page_state
});

/** The words of the panels only officers see: only they are sent them. */
const officerWords = defineWords({
	gifts_page_edit: m.gifts_page_edit,
	gifts_page_photo_remove: m.gifts_page_photo_remove,
	gifts_page_photo_replace: m.gifts_page_photo_replace,
	gifts_page_photo_add: m.gifts_page_photo_add,
	gifts_page_photo_hint: m.gifts_page_photo_hint,
	gifts_page_photo_keep: m.gifts_page_photo_keep,
	gifts_page_link_heading: m.gifts_page_link_heading,
	gifts_page_link_label: m.gifts_page_link_label,
	gifts_page_link_button: m.gifts_page_link_button
});

/** `?find=`: events to say the gift was given at, found by name. */
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const find = (url.searchParams.get('find') ?? '').slice(0, 200);
	const page = await findGiftPage(database().db, Number(params.giftId), { find });
	if (!page) error(404, m.gifts_page_not_found());
	return {
		...page,
		find,
		fileSizeLimit: formatByteSize(fileSettings().sizeLimit),
		words: pageWords(),
		officerWords: hasRole(locals.user, 'officer') ? officerWords() : null
	};
};

type ActionEvent = Parameters<Actions[string]>[0];

const setEvent = (event: ActionEvent, linked: boolean) => {
	const giftId = Number(event.params.giftId);
	return changeLinkAction(event.request, {
		schema: GiftEventInput,
		write: ({ targetId }) => setGiftEvent(database().db, actorOf(event), giftId, linked ? targetId : null),
		back: { path: `/gifts/${giftId}`, anchor: linked ? 'link' : 'details' }
	});
};

export const actions: Actions = {
	/** A multipart form with one image, streamed to the file store's staging folder as it arrives. */
	photo: async (event) => {
		const giftId = Number(event.params.giftId);
		const storage = fileStorage();
		const { sizeLimit } = fileSettings();
		const upload = await receiveUpload(event.request, {
			field: 'photo',
			directory: storage.stagingDirectory,
			sizeLimit
		});
		return attempt({ form: 'photo' as const, values: {} }, async () => {
			await attachGiftPhoto(database().db, actorOf(event), giftId, upload, sizeLimit, storage);
			redirect(303, `/gifts/${giftId}#photo`);
		});
	},
	removePhoto: async (event) => {
		const giftId = Number(event.params.giftId);
		await event.request.formData();
		return attempt({ form: 'removePhoto' as const, values: {} }, async () => {
			await removeGiftPhoto(database().db, actorOf(event), giftId, fileStorage());
			redirect(303, `/gifts/${giftId}#photo`);
		});
	},
	link: (event) => setEvent(event, true),
	unlink: (event) => setEvent(event, false)
};
