import { describe, expect, test } from 'vitest';
import { decodeCursor, encodeCursor, pageRequest, toPage } from '$lib/server/pagination';

describe('page cursors', () => {
	test('a cursor survives the round trip through a URL', () => {
		const key = ['2021-12-17T06:00:00.000Z', 7];
		expect(decodeCursor(encodeCursor(key), ['instant', 'id'])).toEqual(key);
	});

	test('a cursor of another shape is no cursor', () => {
		expect(decodeCursor(encodeCursor(['not a time', 7]), ['instant', 'id'])).toBeUndefined();
		expect(decodeCursor(encodeCursor(['2021-02-30', 7]), ['date', 'id'])).toBeUndefined();
		expect(decodeCursor(encodeCursor(['2021-12-17T06:00:00.000Z', -1]), ['instant', 'id'])).toBeUndefined();
		expect(decodeCursor(encodeCursor([7]), ['instant', 'id'])).toBeUndefined();
	});

	test('garbage is no cursor', () => {
		expect(decodeCursor('%%%', ['id'])).toBeUndefined();
		expect(decodeCursor('bm90LWpzb24', ['id'])).toBeUndefined();
		expect(decodeCursor('x'.repeat(5000), ['id'])).toBeUndefined();
	});

	test('?before= wins over ?after=', () => {
		const url = new URL(`http://x/?after=${encodeCursor([1])}&before=${encodeCursor([9])}`);
		expect(pageRequest(url, 10, ['id'])).toEqual({ before: [9], after: undefined, limit: 10 });
	});
});

describe('building a page', () => {
	const rows = [1, 2, 3, 4].map((id) => ({ id }));
	const keyOf = (row: { id: number }) => [row.id];

	test('the first page has a next cursor and no previous one', () => {
		const page = toPage(rows, { limit: 3 }, keyOf);
		expect(page.items.map((r) => r.id)).toEqual([1, 2, 3]);
		expect(decodeCursor(page.next, ['id'])).toEqual([3]);
		expect(page.previous).toBeNull();
	});

	test('the last page has no next cursor', () => {
		const page = toPage(rows.slice(0, 2), { limit: 3, after: [0] }, keyOf);
		expect(page.next).toBeNull();
		expect(decodeCursor(page.previous, ['id'])).toEqual([1]);
	});

	test('a page read backwards comes out in order', () => {
		const page = toPage([{ id: 5 }, { id: 4 }, { id: 3 }, { id: 2 }], { limit: 3, before: [6] }, keyOf);
		expect(page.items.map((r) => r.id)).toEqual([3, 4, 5]);
		expect(decodeCursor(page.previous, ['id'])).toEqual([3]);
		expect(decodeCursor(page.next, ['id'])).toEqual([5]);
	});
});
