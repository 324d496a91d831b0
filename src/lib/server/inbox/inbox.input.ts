/** What the inbox page reads from its URL and its forms. Anything that does not fit is dropped. */
import { oneOf, positiveId } from '../query-params';
import type { InboxFilter } from './inbox.view';

const FILTERS = ['applied', 'refused', 'proposed', 'refreshed', 'waiting', 'invitation'] as const;

/** ?show=…: one outcome, or proposals waiting; anything else is every message. */
export function inboxFilterOf(url: URL): InboxFilter {
	return oneOf(FILTERS, url.searchParams.get('show')) ?? null;
}

/** The proposal a form names, and where to go back to: the event's page it was sent from, or the inbox. */
export function proposalFormOf(data: FormData): { proposalId: number | undefined; back: string } {
	const back = String(data.get('back') ?? '');
	return {
		proposalId: positiveId(String(data.get('proposalId') ?? '')),
		back: /^\/events\/[1-9]\d{0,8}$/.test(back) ? back : '/inbox?show=waiting'
	};
}
