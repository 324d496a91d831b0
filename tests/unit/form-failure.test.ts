/**
 * The one failure shape: every domain error becomes the same answer for a form, and every route file
 * answers a refusal through it (no hand-made `fail()` shapes).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isActionFailure, isRedirect, redirect } from '@sveltejs/kit';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
	Conflict,
	Forbidden,
	NotFound,
	RuleViolation,
	StaleRecord,
	TooManyAttempts
} from '$lib/server/errors';
import { attempt, failureFrom, invalidInput, refuseForm } from '$lib/server/http/form-failure';
import { failureOf, formMessage, refill } from '$lib/forms/failure';

const values = { title: 'Typed' };

describe('a domain error as the form’s answer', () => {
	test.each([
		[new NotFound('No such event.'), 404],
		[new Forbidden('Not for viewers.'), 403],
		[new Conflict('Exists already.'), 409],
		[new TooManyAttempts(60_000), 429],
		[new RuleViolation('Not allowed now.'), 400]
	])('%s', (error, status) => {
		const answer = failureFrom(error, { values, form: 'status' });
		expect(answer.status).toBe(status);
		expect(answer.data).toEqual({ form: 'status', values, errors: { form: error.message } });
	});

	test('a rule naming fields puts each message beside its field', () => {
		const answer = failureFrom(new RuleViolation('x', { title: 'Too long.' }), { values });
		expect(answer.status).toBe(400);
		expect(answer.data).toEqual({ form: 'default', values, errors: { title: 'Too long.' } });
	});

	test('a stale save keeps what was typed and carries the record as it stands', () => {
		const answer = failureFrom(new StaleRecord({ title: 'Theirs' }, 'Changed meanwhile.'), { values });
		expect(answer.status).toBe(409);
		expect(answer.data).toEqual({
			form: 'default',
			values,
			errors: {},
			stale: { message: 'Changed meanwhile.', theirs: { title: 'Theirs' } }
		});
		expect(refill(answer.data, { title: 'Loaded' })).toEqual({
			values: { title: 'Theirs' },
			stale: { message: 'Changed meanwhile.', yours: values }
		});
		expect(formMessage(answer.data)).toBe('Changed meanwhile.');
	});

	test('anything else goes on: a redirect, a bug', () => {
		expect(() => failureFrom(new Error('bug'), { values })).toThrow('bug');
		let thrown: unknown;
		try {
			failureFrom(
				(() => {
					try {
						redirect(303, '/events');
					} catch (e) {
						return e;
					}
				})(),
				{ values }
			);
		} catch (e) {
			thrown = e;
		}
		expect(isRedirect(thrown)).toBe(true);
	});

	test('attempt returns the write’s result, or the failure', async () => {
		expect(await attempt({ values }, async () => ({ saved: 1 }))).toEqual({ saved: 1 });
		const refused = await attempt({ values }, async () => {
			throw new NotFound('Gone.');
		});
		expect(isActionFailure(refused)).toBe(true);
		expect((refused as { status: number }).status).toBe(404);
	});

	test('invalid input and plain refusals have the same shape', () => {
		const parsed = z.object({ title: z.string().min(10, 'Too short.') }).safeParse(values);
		expect(invalidInput(parsed.error!, { values }).data).toEqual({
			form: 'default',
			values,
			errors: { title: 'Too short.' }
		});
		expect(refuseForm(400, 'Open it again.', { values, form: 'x' }).data.errors).toEqual({
			form: 'Open it again.'
		});
	});

	test('a page with several forms sees a failure only beside the form it came from', () => {
		const answer = { form: 'status' as const, values, errors: {} };
		expect(failureOf(answer, 'status')).toBe(answer);
		expect(failureOf(answer, 'save')).toBeNull();
		expect(failureOf(null, 'status')).toBeNull();
	});
});

function routeFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return routeFiles(path);
		return path.endsWith('.server.ts') ? [path] : [];
	});
}

test('every fail() in the routes answers in the one shape (formFailure)', () => {
	const handMade: string[] = [];
	let calls = 0;
	for (const file of routeFiles('src/routes')) {
		const source = readFileSync(file, 'utf8');
		for (const match of source.matchAll(/\bfail\(\s*\d{3}\s*,\s*([^\n]*)/g)) {
			calls++;
			if (!match[1]!.includes('formFailure(')) handMade.push(`${file}: ${match[0]}`);
		}
	}
	expect(handMade).toEqual([]);
	// The scan sees the routes' own fail() calls (clashes, import preview…): it is not looking at nothing.
	expect(calls).toBeGreaterThanOrEqual(4);
});
