import { json } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { searchChoices } from '$lib/server/choosers/chooser.service';
import { database } from '$lib/server/db';
import type { ChooserKind } from '$lib/server/db/schema';
import type { RequestHandler } from './$types';

/** What a form's chooser offers for the letters typed so far (`q`): at most 20 records, as JSON. */
export const GET: RequestHandler = async (event) => {
	const text = event.url.searchParams.get('q') ?? '';
	const kind = event.params.kind as ChooserKind;
	const choices = await searchChoices(database().db, actorOf(event), kind, text);
	return json(choices, { headers: { 'cache-control': 'private, no-store' } });
};
