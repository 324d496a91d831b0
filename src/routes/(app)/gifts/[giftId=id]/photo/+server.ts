import { m } from '$lib/paraglide/messages';
import { Readable } from 'node:stream';
import { error } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { fileStorage } from '$lib/server/files';
import { inlineDisposition } from '$lib/server/files/file.name';
import { findGiftPhoto } from '$lib/server/gifts/gift.service';
import type { RequestHandler } from './$types';

/**
 * The gift's photograph, streamed from the store and shown in the page: only JPEG and PNG, decided from
 * the content when it came in, are ever kept, and nothing else may run in its answer.
 */
export const GET: RequestHandler = async ({ params }) => {
	const photo = await findGiftPhoto(database().db, Number(params.giftId), fileStorage());
	if (!photo) error(404, m.gifts_photo_not_found());
	return new Response(Readable.toWeb(photo.content) as ReadableStream<Uint8Array>, {
		headers: {
			'content-type': photo.contentType,
			'content-length': String(photo.size),
			'content-disposition': inlineDisposition(photo.name),
			'content-security-policy': "default-src 'none'; sandbox",
			'x-content-type-options': 'nosniff'
		}
	});
};
