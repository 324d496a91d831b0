/**
 * The words of the enhanced forms' failure notices for the request's language, as the JSON that app.html's
 * `%protokol.formNotices%` becomes (handleLocale in src/hooks.server.ts). Made once per language.
 */
import type { FormNoticeWords } from '../../forms/form-notices';
import { m } from '../../paraglide/messages.js';
import { getLocale, type Locale } from '../../paraglide/runtime.js';

// Placeholders kept as they are, for the browser to fill in.
const said = '{said}';
const status = '{status}';
const message = '{message}';

export function formNoticeWords(): FormNoticeWords {
	const kept = m.forms_kept();
	return {
		unreachable: m.forms_unreachable({ kept }),
		unreadable: m.forms_unreadable({ kept }),
		signedOut: m.forms_signed_out({ kept }),
		forbidden: m.forms_forbidden({ said }),
		gone: m.forms_gone({ said }),
		tooLarge: m.forms_too_large({ said, kept }),
		tooMany: m.forms_too_many({ said, kept }),
		unavailable: m.forms_unavailable({ message, kept }),
		failed: m.forms_failed({ status, kept }),
		refused: m.forms_refused({ status, said, kept })
	};
}

const written = new Map<Locale, string>();

/** The JSON, safe inside a <script> element (no "<" to end it early). */
export function formNoticesJson(): string {
	const locale = getLocale();
	let json = written.get(locale);
	if (json === undefined) {
		json = JSON.stringify(formNoticeWords()).replace(/</g, '\\u003c');
		written.set(locale, json);
	}
	return json;
}
