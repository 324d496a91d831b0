import { parseBoardQuery } from '$lib/server/actions/action-board.input';
import { getActionBoard } from '$lib/server/actions/action-board.service';
import { database } from '$lib/server/db';
import { pageRequest } from '$lib/server/pagination';
import { changeOutcomeStatus } from '../outcome-status-action.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const query = parseBoardQuery(url.searchParams);
	const board = await getActionBoard(database().db, query, pageRequest(url, 25, ['date', 'id']));
	return { query, board };
};

export const actions: Actions = {
	/** A row's status, with a note; the row names its outcome. */
	status: (event) => changeOutcomeStatus(event)
};
