/**
 * A page's words made on the server (defineWords) and completed in the browser (fill): each in the
 * request's language, a message with placeholders as a template that fill completes, a closed list as
 * its labels by code.
 */
import { describe, expect, test } from 'vitest';
import { m } from '$lib/paraglide/messages';
import { inLocale } from '$lib/server/i18n/locale';
import { defineWords } from '$lib/server/i18n/words';
import { rsvpStatuses } from '$lib/vocabulary';
import { fill } from '$lib/words';

const words = defineWords({
	participants_invite_heading: m.participants_invite_heading,
	participants_invite_no_match: m.participants_invite_no_match,
	rsvpStatuses
});

describe('words from the server', () => {
	test('are made in the language of the request, each language apart', () => {
		expect(inLocale('en', words).participants_invite_heading).toBe('Invite someone from the directory');
		expect(inLocale('az', words).participants_invite_heading).toBe('Kataloqdan kimisə dəvət edin');
		expect(inLocale('en', words).participants_invite_heading).toBe('Invite someone from the directory');
	});

	test('keep a placeholder for fill, which completes it as the message would have', () => {
		const template = inLocale('az', words).participants_invite_no_match;
		expect(template).toContain('{search}');
		const search = 'Əliyev {search}';
		expect(fill(template, { search })).toBe(inLocale('az', () => m.participants_invite_no_match({ search })));
	});

	test('give a closed list as its labels by code, in its order', () => {
		const labels = inLocale('ru', words).rsvpStatuses;
		expect(Object.keys(labels)).toEqual(rsvpStatuses.values);
		expect(labels.accepted).toBe('Принял приглашение');
	});
});
