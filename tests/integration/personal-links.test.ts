/**
 * Personal links on both engines: issue, resolve, revoke, expire; the programme a link shows; answering
 * an invitation through it; and what the programme costs in queries.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Actor } from '$lib/server/audit/audit';
import { hashSecret } from '$lib/server/auth/tokens';
import type { Database } from '$lib/server/db/schema';
import { NotFound, RuleViolation } from '$lib/server/errors';
import {
	findPersonalLinkStatus,
	findPersonalAgenda,
	issuePersonalLink,
	resolvePersonalLink,
	respondToInvitation,
	revokePersonalLinks
} from '$lib/server/links/personal-link.service';
import type { ParticipantRole } from '$lib/vocabulary';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertPerson, insertVenue, stamps } from '../helpers/factories';

type Db = Kysely<Database>;
const DAY = 24 * 60 * 60 * 1000;

/** An event `daysFromNow` days away (negative: in the past), two hours long. */
function eventAt(db: Db, title: string, daysFromNow: number, fields: Parameters<typeof insertEvent>[1] = {}) {
	const start = new Date(Date.now() + daysFromNow * DAY);
	return insertEvent(db, {
		title,
		status: 'confirmed',
		start_at: start.toISOString(),
		end_at: new Date(start.getTime() + 2 * 60 * 60 * 1000).toISOString(),
		...fields
	});
}

async function participate(db: Db, eventId: number, personId: number, role: ParticipantRole = 'speaker') {
	const row = await db
		.insertInto('event_participant')
		.values({ event_id: eventId, person_id: personId, role, ...stamps() })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

async function agendaItem(
	db: Db,
	eventId: number,
	position: number,
	title: string,
	speakerParticipantId: number | null,
	published: 0 | 1 = 1
) {
	const item = await db
		.insertInto('agenda_item')
		.values({ event_id: eventId, position, kind: 'speech', title, is_published: published, ...stamps() })
		.returning('id')
		.executeTakeFirstOrThrow();
	if (speakerParticipantId !== null) {
		await db
			.insertInto('agenda_item_role')
			.values({ agenda_item_id: item.id, participant_id: speakerParticipantId, role: 'speaker' })
			.execute();
	}
	return item.id;
}

describeEachEngine('personal links', (engine) => {
	let handle: TestDatabase;
	let db: Db;
	let officer: Actor;

	beforeAll(async () => {
		handle = await engine.open();
		db = handle.db;
		const user = await db
			.insertInto('user_account')
			.values({
				email: 'officer@protokol.test',
				name: 'Officer',
				role: 'officer',
				password_hash: 'not used here',
				password_changed_at: new Date().toISOString(),
				...stamps()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		officer = { userId: user.id, label: 'officer@protokol.test', role: 'officer' as const };
	});
	afterAll(() => handle.cleanup());

	const newPerson = (family_name: string) =>
		insertPerson(db, { honorific: 'Mr', given_name: 'Test', family_name });

	test('a link token carries at least 128 random bits, and only a hash of its secret is stored', async () => {
		const person = await newPerson('Hashed');
		const { token, expiresAt } = await issuePersonalLink(db, officer, person.id);
		// Two halves of 32 base-32 characters: 160 random bits each.
		expect(token).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/);
		const [id, secret] = token.split('.') as [string, string];
		const rows = await db
			.selectFrom('personal_link')
			.selectAll()
			.where('person_id', '=', person.id)
			.execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			id,
			secret_hash: hashSecret(secret),
			created_by_user_id: officer.userId
		});
		expect(JSON.stringify(rows)).not.toContain(secret);
		expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(89 * DAY);
		const audit = await db
			.selectFrom('audit_entry')
			.selectAll()
			.where('action', '=', 'personal_link.issue')
			.where('entity_id', '=', person.id)
			.execute();
		expect(audit).toHaveLength(1);
		expect(JSON.stringify(audit)).not.toContain(secret);
	});

	test('the token opens the link of its person and notes when it was used', async () => {
		const person = await newPerson('Opener');
		const { token } = await issuePersonalLink(db, officer, person.id);
		expect(await findPersonalLinkStatus(db, person.id)).toMatchObject({ live: true, lastUsedAt: null });
		const now = new Date();
		const link = await resolvePersonalLink(db, token, now);
		expect(link).toEqual({ linkId: token.split('.')[0], personId: person.id });
		expect((await findPersonalLinkStatus(db, person.id))?.lastUsedAt).toBe(now.toISOString());
	});

	test('last use is written at most once a minute', async () => {
		const person = await newPerson('Frequent');
		const { token } = await issuePersonalLink(db, officer, person.id);
		const first = new Date();
		await resolvePersonalLink(db, token, first);
		await resolvePersonalLink(db, token, new Date(first.getTime() + 30_000));
		expect((await findPersonalLinkStatus(db, person.id))?.lastUsedAt).toBe(first.toISOString());
		const later = new Date(first.getTime() + 61_000);
		await resolvePersonalLink(db, token, later);
		expect((await findPersonalLinkStatus(db, person.id))?.lastUsedAt).toBe(later.toISOString());
	});

	test('a wrong secret, a malformed token and an unknown id open nothing', async () => {
		const person = await newPerson('Guessed');
		const { token } = await issuePersonalLink(db, officer, person.id);
		const [id, secret] = token.split('.') as [string, string];
		const otherSecret = secret.startsWith('a') ? `b${secret.slice(1)}` : `a${secret.slice(1)}`;
		expect(await resolvePersonalLink(db, `${id}.${otherSecret}`)).toBeNull();
		expect(await resolvePersonalLink(db, `${'a'.repeat(32)}.${secret}`)).toBeNull();
		expect(await resolvePersonalLink(db, id)).toBeNull();
		expect(await resolvePersonalLink(db, `${token}.x`)).toBeNull();
		expect(await resolvePersonalLink(db, `${id}.' or 1=1 --`)).toBeNull();
		expect(await resolvePersonalLink(db, '')).toBeNull();
	});

	test('a revoked link opens nothing, and the revocation is audited', async () => {
		const person = await newPerson('Revoked');
		const { token } = await issuePersonalLink(db, officer, person.id);
		expect(await revokePersonalLinks(db, officer, person.id)).toBe(1);
		expect(await resolvePersonalLink(db, token)).toBeNull();
		expect(await findPersonalLinkStatus(db, person.id)).toMatchObject({ live: false });
		const audit = await db
			.selectFrom('audit_entry')
			.select(['action', 'actor_user_id', 'after_json'])
			.where('action', '=', 'personal_link.revoke')
			.where('entity_id', '=', person.id)
			.execute();
		expect(audit).toEqual([
			{ action: 'personal_link.revoke', actor_user_id: officer.userId, after_json: expect.any(String) }
		]);
		expect(JSON.parse(audit[0]!.after_json!)).toEqual({ revoked: 1 });
	});

	test('an expired link opens nothing', async () => {
		const person = await newPerson('Expired');
		const issuedAt = new Date();
		const { token, expiresAt } = await issuePersonalLink(db, officer, person.id, {
			validDays: 1,
			now: issuedAt
		});
		expect(expiresAt).toBe(new Date(issuedAt.getTime() + DAY).toISOString());
		expect(await resolvePersonalLink(db, token, new Date(issuedAt.getTime() + DAY - 1000))).not.toBeNull();
		expect(await resolvePersonalLink(db, token, new Date(issuedAt.getTime() + DAY))).toBeNull();
		expect(await findPersonalLinkStatus(db, person.id, new Date(issuedAt.getTime() + 2 * DAY))).toMatchObject(
			{
				live: false,
				revokedAt: null
			}
		);
	});

	test('issuing a new link revokes the one before: one live link per person', async () => {
		const person = await newPerson('Reissued');
		const first = await issuePersonalLink(db, officer, person.id);
		const second = await issuePersonalLink(db, officer, person.id);
		expect(await resolvePersonalLink(db, first.token)).toBeNull();
		expect(await resolvePersonalLink(db, second.token)).toMatchObject({ personId: person.id });
		const live = await db
			.selectFrom('personal_link')
			.select('id')
			.where('person_id', '=', person.id)
			.where('revoked_at', 'is', null)
			.execute();
		expect(live).toEqual([{ id: second.token.split('.')[0] }]);
	});

	test('a person without a link has none to describe; an unknown person gets none', async () => {
		const person = await newPerson('Linkless');
		expect(await findPersonalLinkStatus(db, person.id)).toBeNull();
		await expect(issuePersonalLink(db, officer, 999_999)).rejects.toBeInstanceOf(NotFound);
		await expect(issuePersonalLink(db, officer, person.id, { validDays: 0 })).rejects.toBeInstanceOf(
			RuleViolation
		);
		await expect(issuePersonalLink(db, officer, person.id, { validDays: 366 })).rejects.toBeInstanceOf(
			RuleViolation
		);
	});

	test('the programme shows only the person’s own events, upcoming first, and marks their items', async () => {
		const speaker = await insertPerson(db, {
			honorific: 'Mr',
			given_name: 'Jonathan',
			family_name: 'Speaker'
		});
		const other = await insertPerson(db, { honorific: 'Ms', given_name: 'Olga', family_name: 'Other' });
		const venue = await insertVenue(db);

		const soon = await eventAt(db, 'Soon', 10, { venue_id: venue.id });
		const later = await eventAt(db, 'Later', 40);
		const past = await eventAt(db, 'Past', -30, { status: 'held' });
		const older = await eventAt(db, 'Older', -300, { status: 'held' });
		const draft = await eventAt(db, 'Draft', 20, { status: 'draft' });
		const notTheirs = await eventAt(db, 'Not theirs', 5);

		const mine = await participate(db, soon.id, speaker.id);
		const theirs = await participate(db, soon.id, other.id);
		await participate(db, later.id, speaker.id, 'guest');
		await participate(db, past.id, speaker.id);
		await participate(db, older.id, speaker.id);
		await participate(db, draft.id, speaker.id);
		await participate(db, notTheirs.id, other.id);

		await agendaItem(db, soon.id, 1, 'Welcome', theirs);
		await agendaItem(db, soon.id, 2, 'Keynote', mine);
		await agendaItem(db, soon.id, 3, 'Closed-door briefing', theirs, 0);
		await agendaItem(db, soon.id, 4, 'Rehearsal', mine, 0);
		await agendaItem(db, notTheirs.id, 1, 'Elsewhere', null);

		const agenda = await findPersonalAgenda(db, speaker.id);
		expect(agenda?.personName).toBe('Mr Jonathan Speaker');
		expect(agenda?.events.map((e) => e.title)).toEqual(['Soon', 'Later', 'Past', 'Older']);
		expect(agenda?.events.map((e) => e.upcoming)).toEqual([true, true, false, false]);

		const first = agenda!.events[0]!;
		expect(first.venue?.name).toBe(venue.name);
		expect(first.participation).toMatchObject({ id: mine, role: 'speaker', rsvpStatus: 'invited' });
		expect(first.canRespond).toBe(true);
		expect(first.agenda.map((i) => [i.title, i.mine, i.myRoles])).toEqual([
			['Welcome', false, []],
			['Keynote', true, ['Speaker']],
			['Rehearsal', true, ['Speaker']]
		]);
		expect(first.agenda[0]!.people).toEqual([
			{ name: 'Ms Olga Other', role: 'speaker', roleLabel: 'Speaker', isYou: false }
		]);
		expect(agenda!.events[2]!.canRespond).toBe(false);
		expect(JSON.stringify(agenda)).not.toContain('Not theirs');
		expect(JSON.stringify(agenda)).not.toContain('Closed-door');
	});

	test('answering an invitation sets the status and the time, and leaves an audit entry', async () => {
		const person = await insertPerson(db, { honorific: 'Dr', given_name: 'Ana', family_name: 'Answer' });
		const event = await eventAt(db, 'To answer', 15);
		const participantId = await participate(db, event.id, person.id);
		const now = new Date();
		expect(
			await respondToInvitation(db, person.id, participantId, 'declined', { now, clientAddress: '192.0.2.7' })
		).toEqual({ participantId, status: 'declined' });

		const row = await db
			.selectFrom('event_participant')
			.select(['rsvp_status', 'responded_at', 'updated_at'])
			.where('id', '=', participantId)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({
			rsvp_status: 'declined',
			responded_at: now.toISOString(),
			updated_at: now.toISOString()
		});

		const audit = await db
			.selectFrom('audit_entry')
			.selectAll()
			.where('action', '=', 'participant.rsvp')
			.where('entity_id', '=', participantId)
			.executeTakeFirstOrThrow();
		expect(audit).toMatchObject({
			actor_user_id: null,
			actor_label: 'personal link of Dr Ana Answer',
			entity_type: 'event_participant',
			event_id: event.id,
			client_address: '192.0.2.7'
		});
		expect(JSON.parse(audit.before_json!)).toEqual({ rsvp_status: 'invited', responded_at: null });
		expect(JSON.parse(audit.after_json!)).toEqual({
			rsvp_status: 'declined',
			responded_at: now.toISOString()
		});
	});

	test('an invitation of another person is not found, and stays as it was', async () => {
		const holder = await newPerson('Holder');
		const stranger = await newPerson('Stranger');
		const event = await eventAt(db, 'Shared', 15);
		await participate(db, event.id, holder.id);
		const strangers = await participate(db, event.id, stranger.id);
		await expect(respondToInvitation(db, holder.id, strangers, 'accepted')).rejects.toBeInstanceOf(NotFound);
		await expect(respondToInvitation(db, holder.id, 999_999, 'accepted')).rejects.toBeInstanceOf(NotFound);
		const row = await db
			.selectFrom('event_participant')
			.select(['rsvp_status', 'responded_at'])
			.where('id', '=', strangers)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ rsvp_status: 'invited', responded_at: null });
	});

	test('a cancelled or finished event refuses answers, with a message that says why', async () => {
		const person = await newPerson('Late');
		const cancelled = await eventAt(db, 'Called off', 15, { status: 'cancelled' });
		const over = await eventAt(db, 'Over', -2, { status: 'held' });
		const draft = await eventAt(db, 'Not decided', 15, { status: 'draft' });
		const inCancelled = await participate(db, cancelled.id, person.id);
		const inOver = await participate(db, over.id, person.id);
		const inDraft = await participate(db, draft.id, person.id);

		const refusal = (id: number) =>
			respondToInvitation(db, person.id, id, 'accepted').catch((e: unknown) => e);
		const onCancelled = await refusal(inCancelled);
		expect(onCancelled).toBeInstanceOf(RuleViolation);
		expect((onCancelled as Error).message).toMatch(/cancelled/);
		const onOver = await refusal(inOver);
		expect(onOver).toBeInstanceOf(RuleViolation);
		expect((onOver as Error).message).toMatch(/over/);
		expect(await refusal(inDraft)).toBeInstanceOf(NotFound);

		const audit = await db
			.selectFrom('audit_entry')
			.select('id')
			.where('action', '=', 'participant.rsvp')
			.where('entity_id', 'in', [inCancelled, inOver, inDraft])
			.execute();
		expect(audit).toEqual([]);
	});
});

describeEachEngine('what a personal programme costs', (engine) => {
	let handle: TestDatabase;
	const counter = { queries: 0 };
	const people: Record<number, number> = {};

	beforeAll(async () => {
		handle = await engine.open({ onQuery: () => counter.queries++ });
		for (const size of [2, 20]) {
			const person = await insertPerson(handle.db, { given_name: 'Busy', family_name: `Person ${size}` });
			const colleague = await insertPerson(handle.db, {
				given_name: 'Busy',
				family_name: `Colleague ${size}`
			});
			for (let e = 0; e < size; e++) {
				const event = await eventAt(handle.db, `Event ${e} of ${size}`, e % 2 === 0 ? e + 1 : -e);
				const mine = await participate(handle.db, event.id, person.id);
				const theirs = await participate(handle.db, event.id, colleague.id);
				await agendaItem(handle.db, event.id, 1, 'Opening', theirs);
				await agendaItem(handle.db, event.id, 2, 'Speech', mine);
			}
			people[size] = person.id;
		}
	});
	afterAll(() => handle.cleanup());

	test('the programme costs the same number of queries for 2 events and for 20', async () => {
		const cost = async (size: number) => {
			counter.queries = 0;
			const agenda = await findPersonalAgenda(handle.db, people[size]!);
			expect(agenda?.events).toHaveLength(size);
			expect(agenda?.events.every((e) => e.agenda.filter((i) => i.mine).length === 1)).toBe(true);
			return counter.queries;
		};
		const small = await cost(2);
		const large = await cost(20);
		expect(large).toBe(small);
		expect(small).toBeLessThanOrEqual(4);
	});
});
