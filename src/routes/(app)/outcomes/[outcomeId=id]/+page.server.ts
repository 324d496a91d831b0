import { error } from '@sveltejs/kit';
import { officeTimeZone } from '$lib/server/calendar/calendar.settings';
import { database } from '$lib/server/db';
import { findOutcomePage } from '$lib/server/outcomes/outcome.service';
import { changeOutcomeStatus } from '../../outcome-status-action.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const outcome = await findOutcomePage(database().db, Number(params.outcomeId));
	if (!outcome) error(404, 'There is no such outcome.');
	return { outcome, officeTimeZone: officeTimeZone() };
};

export const actions: Actions = {
	/** The follow-up status alone, with a note, from the outcome's page. */
	status: (event) => changeOutcomeStatus(event, Number(event.params.outcomeId))
};
