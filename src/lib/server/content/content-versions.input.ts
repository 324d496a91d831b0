/**
 * The versions of a stored text in other languages (issue 18 §2), as the forms send them: the language the
 * text was written in and an optional Azerbaijani, English and Russian version. Each form names the fields
 * after its text (`titleLocale`, `titleAz`, `titleEn`, `titleRu`), and spreads `versionFields(...)`.
 */
import { z } from 'zod';
import { m } from '../../paraglide/messages.js';
import { locales } from '../../paraglide/runtime.js';
import type { ContentLocale } from '../db/schema';
import { optional, plainText } from '../validation';

export interface ContentVersionsInput {
	locale: ContentLocale | null;
	az: string | null;
	en: string | null;
	ru: string | null;
}

const originalLocale = z
	.string()
	.trim()
	.refine((value) => value === '' || (locales as readonly string[]).includes(value), {
		error: () => m.content_error_choose_locale()
	})
	.transform((value) => (value === '' ? null : (value as ContentLocale)));

/** A field a form may leave out altogether (an older form, a caller that has no versions): read as empty. */
const mayBeAbsent = <T extends z.ZodType<unknown, string>>(schema: T) =>
	z
		.string()
		.optional()
		.transform((value) => value ?? '')
		.pipe(schema);

/** The four fields of a text's versions, named `<prefix>Locale`, `<prefix>Az`, `<prefix>En`, `<prefix>Ru`. */
export function versionSchemas(max: number) {
	return {
		locale: mayBeAbsent(originalLocale),
		az: mayBeAbsent(optional(plainText(m.content_version_az, max))),
		en: mayBeAbsent(optional(plainText(m.content_version_en, max))),
		ru: mayBeAbsent(optional(plainText(m.content_version_ru, max)))
	};
}

/** The form's field names for a text's versions. */
export const versionFieldNames = <P extends string>(prefix: P) =>
	[`${prefix}Locale`, `${prefix}Az`, `${prefix}En`, `${prefix}Ru`] as const;

/** The columns a text's versions are stored in, from what the form sent. */
export function versionColumns<C extends string>(column: C, versions: ContentVersionsInput) {
	return {
		[`${column}_locale`]: versions.locale,
		[`${column}_az`]: versions.az,
		[`${column}_en`]: versions.en,
		[`${column}_ru`]: versions.ru
	} as Record<`${C}_locale`, ContentLocale | null> & Record<`${C}_${'az' | 'en' | 'ru'}`, string | null>;
}
