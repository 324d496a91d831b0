import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { findSeatingPlan } from '$lib/server/seating/seating.service';
import { defineWords } from '$lib/server/i18n/words';
import type { PageServerLoad } from './$types';
import { seatingDiagramWords } from '../words.server';

/** The printed diagram's words, for its load to send. */
const pageWords = defineWords({
	seating_a3: m.seating_a3,
	seating_a4: m.seating_a4,
	seating_back: m.seating_back,
	seating_diagram_subtitle: m.seating_diagram_subtitle,
	seating_diagram_subtitle_venue: m.seating_diagram_subtitle_venue,
	seating_diagram_title: m.seating_diagram_title,
	seating_diagram_version: m.seating_diagram_version,
	seating_legend: m.seating_legend,
	seating_no_plan_short: m.seating_no_plan_short,
	seating_print: m.seating_print,
	seating_printing: m.seating_printing,
	seating_printing_on: m.seating_printing_on
});

/** Every signed-in reader may print it; printouts travel, so guests' needs stay off them. */
export const load: PageServerLoad = async (event) => {
	const seating = await findSeatingPlan(database().db, actorOf(event), Number(event.params.eventId), {
		needs: false
	});
	if (!seating) error(404, m.seating_error_no_such_event());
	return { seating, words: { ...pageWords(), ...seatingDiagramWords() } };
};
