/** The words of the feed panel (src/lib/components/FeedPanel.svelte), for the pages that show it to send. */
import { m } from '../../paraglide/messages.js';
import { defineWords } from '../i18n/words';

export const feedPanelWords = defineWords({
	calendar_feed_create: m.calendar_feed_create,
	calendar_feed_heading: m.calendar_feed_heading,
	calendar_feed_name: m.calendar_feed_name,
	calendar_feed_name_hint: m.calendar_feed_name_hint,
	calendar_feed_open: m.calendar_feed_open,
	calendar_feed_paste: m.calendar_feed_paste,
	calendar_feed_ready: m.calendar_feed_ready,
	calendar_feed_revoke: m.calendar_feed_revoke,
	calendar_feed_revoked: m.calendar_feed_revoked,
	calendar_feed_subscribe: m.calendar_feed_subscribe
});

export type FeedPanelWords = ReturnType<typeof feedPanelWords>;
