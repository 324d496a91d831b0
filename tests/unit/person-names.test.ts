/** One way to name a person after their name, on every page; sentences without doubled punctuation. */
import { describe, expect, test } from 'vitest';
import { distinctNativeName, formatTitles } from '$lib/format/names';
import { joinAsSentence } from '$lib/format/sentences';

const IOM = { name: 'International Organization for Migration', acronym: 'IOM' };

describe('formatTitles', () => {
	test('position, then organisation, then rank', () => {
		expect(
			formatTitles({
				position: 'Chief of the Service',
				rank: 'II rank state migration service counselor',
				organization: { name: 'State Migration Service', acronym: 'SMS' }
			})
		).toBe('Chief of the Service, SMS, II rank state migration service counselor');
	});

	test('leaves the organisation out when the position names it, by name or acronym', () => {
		const position = 'Director General of the International Organization for Migration';
		expect(formatTitles({ position, rank: null, organization: IOM })).toBe(position);
		expect(
			formatTitles({ position: 'Chief of Mission, IOM Azerbaijan', rank: null, organization: IOM })
		).toBe('Chief of Mission, IOM Azerbaijan');
	});

	test('names an organisation without an acronym once, and only what is known', () => {
		const office = {
			name: 'IOM Regional Office for South-Eastern Europe, Eastern Europe and Central Asia',
			acronym: null
		};
		expect(
			formatTitles({ position: `Regional Director, ${office.name}`, rank: null, organization: office })
		).toBe(`Regional Director, ${office.name}`);
		expect(formatTitles({ position: 'Regional Director', rank: null, organization: office })).toBe(
			`Regional Director, ${office.name}`
		);
		expect(formatTitles({ position: null, rank: null, organization: null })).toBe('');
	});
});

describe('distinctNativeName', () => {
	const name = { honorific: 'Mr', given_name: 'Vusal', family_name: 'Huseynov' };
	test('is the native name when it reads differently', () => {
		expect(distinctNativeName('Vüsal Hüseynov', name)).toBe('Vüsal Hüseynov');
	});
	test('is null when it is the Latin name again, in either order or case, or empty', () => {
		expect(distinctNativeName('Vusal Huseynov', name)).toBeNull();
		expect(distinctNativeName(' vusal  HUSEYNOV ', name)).toBeNull();
		expect(distinctNativeName('Huseynov Vusal', name)).toBeNull();
		expect(distinctNativeName('', name)).toBeNull();
		expect(distinctNativeName(null, name)).toBeNull();
	});
});

describe('joinAsSentence', () => {
	test('never ".;" nor ".."', () => {
		expect(
			joinAsSentence([
				'Ms Sabina Aliyeva: No e-mail address in the directory.',
				'Mr Jonathan Prentice: No e-mail address in the directory.'
			])
		).toBe(
			'Ms Sabina Aliyeva: No e-mail address in the directory; Mr Jonathan Prentice: No e-mail address in the directory.'
		);
		expect(joinAsSentence(['One'])).toBe('One.');
		expect(joinAsSentence([])).toBe('');
	});
});
