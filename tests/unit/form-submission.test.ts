/**
 * What an enhanced form says when its submission failed, from the result SvelteKit's client hands it, in
 * the words the server writes into the page for its language. The browser suite
 * (tests/browser/first-start.test.ts) shows these on real pages.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { describe, expect, test } from 'vitest';
import { problemNotice, submissionProblem } from '$lib/forms/submission-problem';
import { formNoticesJson, formNoticeWords } from '$lib/server/i18n/form-notices';
import { overwriteServerAsyncLocalStorage, type Locale } from '$lib/paraglide/runtime';

// What Paraglide's middleware does for a request: the language, kept for the call.
const storage = new AsyncLocalStorage<{ locale: Locale }>();
overwriteServerAsyncLocalStorage(storage as never);
const inLanguage = <T>(locale: Locale, write: () => T): T => storage.run({ locale }, write);

const notice = (result: Parameters<typeof submissionProblem>[0], locale: Locale = 'en') => {
	const problem = submissionProblem(result);
	return problem ? problemNotice(problem, inLanguage(locale, formNoticeWords)) : null;
};

describe('results the page shows itself', () => {
	test.each([
		{ type: 'success', status: 200 },
		{ type: 'failure', status: 400, data: { errors: { title: 'Give a title.' } } },
		{ type: 'failure', status: 429, data: { errors: { form: 'Too many attempts.' } } },
		{ type: 'redirect', status: 303, location: '/events/1' }
	])('$type $status', (result) => {
		expect(submissionProblem(result)).toBeNull();
	});
});

describe('failures the form says in words', () => {
	test.each([
		[{ type: 'error', status: 401, error: { message: 'Sign in first.' } }, 'no longer signed in'],
		[
			{ type: 'error', status: 403, error: { message: 'Your role does not allow this.' } },
			'Your role does not allow this'
		],
		[{ message: 'Cross-site POST form submissions are forbidden' }, 'usual address'],
		[{ type: 'error', status: 404, error: { message: 'No such event.' } }, 'no longer exists'],
		[
			{ type: 'error', status: 413, error: { message: 'Content-length of 900000 exceeds limit' } },
			'too large to send'
		],
		[{ type: 'error', status: 429, error: { message: 'Slow down' } }, 'Wait a few minutes'],
		[{ type: 'error', status: 500, error: { message: 'Internal Error' } }, 'error 500'],
		[{ type: 'error', status: 503, error: { message: 'Service Unavailable' } }, 'error 503'],
		[
			{
				type: 'error',
				status: 503,
				error: { message: 'The server cannot save right now: its disk is full. Nothing was saved.' }
			},
			'its disk is full. Nothing was saved.'
		],
		[{ type: 'error', error: new TypeError('Failed to fetch') }, 'could not be reached'],
		[{ type: 'error', error: new SyntaxError('Unexpected token <') }, 'could not be read'],
		[{ type: 'error', status: 418, error: { message: 'Teapot' } }, 'error 418']
	])('%j', (result, words) => {
		expect(notice(result as Parameters<typeof submissionProblem>[0])).toContain(words);
	});

	test('a failure that may have lost nothing says the typed values are kept', () => {
		for (const status of [401, 413, 429, 500]) {
			expect(notice({ type: 'error', status, error: { message: 'x' } })).toContain(
				'What you typed is still here'
			);
		}
	});
});

describe("in the page's language", () => {
	test.each([
		['az', 'Yazdıqlarınız yerindədir', 'xəta 500'],
		['ru', 'Введённое вами сохранилось', 'ошибка 500']
	] as const)('%s', (locale, kept, failed) => {
		const said = notice({ type: 'error', status: 500, error: { message: 'Internal Error' } }, locale);
		expect(said).toContain(kept);
		expect(said).toContain(failed);
	});

	test("the server's message is put in as it is, braces and all", () => {
		const said = notice({ type: 'error', status: 403, error: { message: 'No {status} for {said}' } });
		expect(said).toContain('(No {status} for {said})');
	});

	test('the JSON written into the page cannot end its script element', () => {
		const json = inLanguage('ru', formNoticesJson);
		expect(json).not.toContain('<');
		expect(JSON.parse(json)).toEqual(inLanguage('ru', formNoticeWords));
	});
});
