import { resolveChosen } from '$lib/server/choosers/chooser.service';
import { database } from '$lib/server/db';
import { parseGiftReportQuery } from '$lib/server/gifts/gift.input';
import { getGiftReport } from '$lib/server/gifts/gift.service';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { defineWords } from '$lib/server/i18n/words';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	gifts_field_event: m.gifts_field_event,
	gifts_list_date: m.gifts_list_date,
	gifts_list_disposition: m.gifts_list_disposition,
	gifts_list_from: m.gifts_list_from,
	gifts_list_gift: m.gifts_list_gift,
	gifts_list_title: m.gifts_list_title,
	gifts_list_to: m.gifts_list_to,
	gifts_list_value: m.gifts_list_value,
	gifts_list_year: m.gifts_list_year,
	gifts_report_choose: m.gifts_report_choose,
	gifts_report_choose_organization: m.gifts_report_choose_organization,
	gifts_report_choose_person: m.gifts_report_choose_person,
	gifts_report_csv: m.gifts_report_csv,
	gifts_report_eyebrow: m.gifts_report_eyebrow,
	gifts_report_given: m.gifts_report_given,
	gifts_report_intro: m.gifts_report_intro,
	gifts_report_none: m.gifts_report_none,
	gifts_report_or_organization: m.gifts_report_or_organization,
	gifts_report_person: m.gifts_report_person,
	gifts_report_print: m.gifts_report_print,
	gifts_report_received: m.gifts_report_received,
	gifts_report_show: m.gifts_report_show,
	gifts_report_title: m.gifts_report_title,
	gifts_report_title_of: m.gifts_report_title_of,
	gifts_report_total: m.gifts_report_total
});

export const load: PageServerLoad = async ({ url }) => {
	const db = database().db;
	const submitted = new URLSearchParams(url.searchParams);
	const chosen = await resolveChosen(db, submitted, {
		person: { kind: 'person' },
		organization: { kind: 'organization' }
	});
	const query = parseGiftReportQuery(submitted);
	return { query, chosen, report: await getGiftReport(db, query), words: pageWords() };
};
