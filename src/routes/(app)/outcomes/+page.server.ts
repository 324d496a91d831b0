import { database } from '$lib/server/db';
import { listOutcomesPage } from '$lib/server/outcomes/outcome.service';
import { pageRequest } from '$lib/server/pagination';
import { outcomeKinds, outcomeStatuses } from '$lib/vocabulary';
import type { PageServerLoad } from './$types';

// Filters from the URL: a value outside the vocabulary is dropped, never an error.
function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
	return values.find((v) => v === value);
}

function positiveId(value: string | null): number | undefined {
	return value && /^[1-9]\d{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : undefined;
}

export const load: PageServerLoad = async ({ url }) => {
	const query = {
		status: oneOf(outcomeStatuses.values, url.searchParams.get('status')),
		kind: oneOf(outcomeKinds.values, url.searchParams.get('kind')),
		organizationId: positiveId(url.searchParams.get('organization'))
	};
	const outcomes = await listOutcomesPage(database().db, { ...query, page: pageRequest(url, 25, ['id']) });
	return { query, outcomes };
};
