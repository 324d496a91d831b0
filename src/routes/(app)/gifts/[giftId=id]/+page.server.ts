import { m } from '$lib/paraglide/messages';
import { error, redirect } from '@sveltejs/kit';
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

/** `?find=`: events to say the gift was given at, found by name. */
export const load: PageServerLoad = async ({ params, url }) => {
	const find = (url.searchParams.get('find') ?? '').slice(0, 200);
	const page = await findGiftPage(database().db, Number(params.giftId), { find });
	if (!page) error(404, m.gifts_page_not_found());
	return { ...page, find, fileSizeLimit: formatByteSize(fileSettings().sizeLimit) };
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
