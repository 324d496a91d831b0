import type { ParamMatcher } from '@sveltejs/kit';

/** The kinds of record a form's chooser finds (src/lib/server/choosers/). */
export const match: ParamMatcher = (param) => /^(organization|person|correspondence|venue)$/.test(param);
