/**
 * The sentences an enhanced form says when a submission fails (src/lib/forms/submissions.ts), in the page's
 * language. The server writes them into every page as JSON (src/lib/server/i18n/form-notices.ts, through
 * app.html), rather than the browser carrying them in three languages on every page; {said}, {status} and
 * {message} are filled in when one is shown.
 */
export interface FormNoticeWords {
	unreachable: string;
	unreadable: string;
	signedOut: string;
	forbidden: string;
	gone: string;
	tooLarge: string;
	tooMany: string;
	unavailable: string;
	failed: string;
	refused: string;
}

/** The id of the page's `<script type="application/json">` that holds them. */
export const FORM_NOTICES_ID = 'form-notices';
