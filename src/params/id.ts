import type { ParamMatcher } from '@sveltejs/kit';

/** Positive integer ids that fit the database's integer columns. */
export const match: ParamMatcher = (param) => /^[1-9]\d{0,9}$/.test(param) && Number(param) <= 2_147_483_647;
