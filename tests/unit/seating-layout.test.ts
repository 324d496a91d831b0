/**
 * The seating rules, pure: seats counted from the centre, right then left; a banquet's order with
 * delegations together or hosts alternating (and when one party runs out); the warnings' rules.
 */
import { describe, expect, test } from 'vitest';
import {
	banquetOrder,
	findWarnings,
	seatPlace,
	type GuestFacts,
	type PlacedGuest,
	type SeatingGuest
} from '$lib/server/seating/seating.layout';

const guest = (id: number, fields: Partial<SeatingGuest> = {}): SeatingGuest => ({
	participantId: id,
	rank: id,
	isHost: false,
	isHead: false,
	delegationId: null,
	sitsBehind: false,
	...fields
});

describe('seats', () => {
	test('a table counts from its centre: right, left, second right, second left', () => {
		const table = { shape: 'long' as const, seats: 5, side: null };
		expect([1, 2, 3, 4, 5].map((s) => seatPlace(table, s))).toEqual([
			{ side: 1, hand: 'centre', distance: 0 },
			{ side: 1, hand: 'right', distance: 1 },
			{ side: 1, hand: 'left', distance: 1 },
			{ side: 1, hand: 'right', distance: 2 },
			{ side: 1, hand: 'left', distance: 2 }
		]);
	});

	test('a bilateral table counts each side from its own centre', () => {
		const table = { shape: 'facing' as const, seats: 6, side: null };
		expect(seatPlace(table, 4)).toEqual({ side: 2, hand: 'centre', distance: 0 });
		expect(seatPlace(table, 6)).toEqual({ side: 2, hand: 'left', distance: 1 });
	});
});

describe('a banquet’s order', () => {
	test('the host first whatever their rank, then the guest of honour, then by precedence', () => {
		const order = banquetOrder([guest(1), guest(2), guest(3, { isHost: true }), guest(4)], {
			keepDelegations: false,
			alternateHosts: false
		});
		expect(order.map((g) => g.participantId)).toEqual([3, 1, 2, 4]);
	});

	test('delegations together: a delegation follows its highest member', () => {
		const order = banquetOrder(
			[guest(0, { isHost: true }), guest(1, { delegationId: 7 }), guest(2), guest(3, { delegationId: 7 })],
			{ keepDelegations: true, alternateHosts: false }
		);
		expect(order.map((g) => g.participantId)).toEqual([0, 1, 3, 2]);
	});

	test('hosts alternating go guest, guest, host, host; when the hosts run out the guests go on', () => {
		const order = banquetOrder(
			[
				guest(0, { isHost: true }),
				guest(1),
				guest(2),
				guest(3),
				guest(4),
				guest(5, { isHost: true }),
				guest(6)
			],
			{ keepDelegations: false, alternateHosts: true }
		);
		expect(order.map((g) => g.participantId)).toEqual([0, 1, 2, 5, 3, 4, 6]);
	});
});

test('out of precedence: only on the same side of one table, and under the rules only within a party', () => {
	const facts = (rank: number, isHost = false): GuestFacts => ({
		name: `Guest ${rank}`,
		rank,
		isHost,
		delegationId: null,
		expected: true
	});
	const at = (participantId: number, seat: number): PlacedGuest => ({
		participantId,
		tableId: 1,
		tableName: 'Top table',
		seat,
		place: seatPlace({ shape: 'long', seats: 9, side: null }, seat)
	});
	const guests = new Map([
		[1, facts(0)],
		[2, facts(1)],
		[3, facts(2, true)],
		[4, facts(3)]
	]);
	// 4 (rank 3) at seat 2, 2 (rank 1) at seat 4: same side, wrong way round. 3 on the left is alone.
	const placed = [at(1, 1), at(4, 2), at(3, 3), at(2, 4)];
	const plain = findWarnings(placed, guests, { keepDelegations: false, alternateHosts: false });
	expect(plain.map((w) => [w.kind, w.participantId])).toEqual([['precedence', 2]]);
	// A host between guests is compared with hosts alone.
	const swapped = [at(1, 1), at(3, 2), at(4, 3), at(2, 4)];
	expect(findWarnings(swapped, guests, { keepDelegations: false, alternateHosts: true })).toEqual([]);
	expect(
		findWarnings(swapped, guests, { keepDelegations: false, alternateHosts: false }).map(
			(w) => w.participantId
		)
	).toEqual([2]);
});
