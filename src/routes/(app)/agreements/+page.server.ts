import { parseAgreementListQuery } from '$lib/server/agreements/agreement.input';
import { getAgreementRegister } from '$lib/server/agreements/agreement.service';
import { resolveChosen } from '$lib/server/choosers/chooser.service';
import { database } from '$lib/server/db';
import { pageRequest } from '$lib/server/pagination';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { defineWords } from '$lib/server/i18n/words';
import { listWords } from '$lib/server/i18n/list.words';
import { agreementStates } from '$lib/vocabulary';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	agreementStates,
	agreements_list_add: m.agreements_list_add,
	agreements_list_agreement: m.agreements_list_agreement,
	agreements_list_any_party: m.agreements_list_any_party,
	agreements_list_any_state: m.agreements_list_any_state,
	agreements_list_eyebrow: m.agreements_list_eyebrow,
	agreements_list_filter: m.agreements_list_filter,
	agreements_list_no_match: m.agreements_list_no_match,
	agreements_list_none_yet: m.agreements_list_none_yet,
	agreements_list_parties: m.agreements_list_parties,
	agreements_list_party: m.agreements_list_party,
	agreements_list_signed_in: m.agreements_list_signed_in,
	agreements_list_state: m.agreements_list_state,
	agreements_list_title: m.agreements_list_title,
	agreements_list_where: m.agreements_list_where,
	agreements_list_year: m.agreements_list_year
});

export const load: PageServerLoad = async ({ url }) => {
	const db = database().db;
	const submitted = new URLSearchParams(url.searchParams);
	const chosen = await resolveChosen(db, submitted, { partner: { kind: 'organization' } });
	const query = parseAgreementListQuery(submitted);
	const register = await getAgreementRegister(db, {
		...query,
		page: pageRequest(url, 25, ['date', 'id'])
	});
	return { query, chosen, ...register, words: { ...listWords(), ...pageWords() } };
};
