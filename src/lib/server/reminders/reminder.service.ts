/**
 * The daily reminder: once a day, from REMINDER_HOUR in the office's zone, each officer who follows up
 * action points overdue or due within seven days gets one digest e-mail through the outbox. Exactly one
 * per officer and office day, whichever server process runs the day's pass and however often: the digest's
 * row (reminder_digest, keyed by officer and day) is written in the same transaction as its message, and
 * only the transaction that writes it queues one. The home page shows the same list (listMyActionPoints).
 */
import type { Kysely } from 'kysely';
import { instantToZoned } from '../../format/datetime';
import { addDays } from '../actions/action-board.input';
import { recordAction, type Actor } from '../audit/audit';
import { authorize } from '../auth/authorize';
import { officeTimeZone } from '../calendar/calendar.settings';
import type { Database, IsoDate } from '../db/schema';
import { NotFound } from '../errors';
import { newMessageId, organizerOf } from '../mail/mail.transport';
import { insertOutboxMessage } from '../mail/outbox.repository';
import { upTo } from '../pagination';
import { inLocale, officeLocale } from '../i18n/locale';
import type { Locale } from '../../paraglide/runtime.js';
import { digestMessage } from './reminder.message';
import {
	findReminderChoice,
	insertReminderDigest,
	listActionPointsDueBy,
	listDigestsToSend,
	setReminderDigestMessage,
	updateReminderChoice
} from './reminder.repository';
import { reminderSettings, type ReminderSettings } from './reminder.settings';
import { toMyActionPoint, type MyActionPoint } from './reminder.view';
import { m } from '../../paraglide/messages.js';

/** Action points due within this many days of today are in the digest, with every overdue one. */
export const DIGEST_DAYS = 7;

/**
 * The officer's action points overdue or due within seven days of `today` (the office's), overdue first:
 * what their daily digest lists, for the home page. One query.
 */
export async function listMyActionPoints(
	db: Kysely<Database>,
	userId: number,
	today: IsoDate,
	limit: number
): Promise<{ items: MyActionPoint[]; more: boolean }> {
	const rows = await listActionPointsDueBy(db, userId, addDays(today, DIGEST_DAYS), limit);
	const { items, more } = upTo(rows, limit);
	return { items: items.map((row) => toMyActionPoint(row, today)), more };
}

/**
 * Queues today's digests that are due and not yet queued, at `now`: none before REMINDER_HOUR in the
 * office's zone. Returns how many this call queued. Two queries, then one transaction per digest.
 */
export async function queueDailyDigests(
	db: Kysely<Database>,
	now = new Date(),
	settings: ReminderSettings = reminderSettings()
): Promise<number> {
	const local = instantToZoned(now.toISOString(), officeTimeZone());
	if (Number(local.slice(11, 13)) < settings.hour) return 0;
	const today = local.slice(0, 10);
	const rows = await listDigestsToSend(db, today, addDays(today, DIGEST_DAYS));
	const officers = new Map<number, { name: string; email: string; locale: Locale; rows: typeof rows }>();
	for (const row of rows) {
		const officer = officers.get(row.user_id) ?? {
			name: row.user_name,
			email: row.user_email,
			locale: row.user_locale ?? officeLocale(),
			rows: []
		};
		officer.rows.push(row);
		officers.set(row.user_id, officer);
	}
	const at = now.toISOString();
	const organizer = organizerOf();
	let queued = 0;
	for (const [userId, officer] of officers) {
		const wrote = await db.transaction().execute(async (tx) => {
			if (!(await insertReminderDigest(tx, userId, today, at))) return false;
			// In the language the officer reads the interface in: the outbox keeps the message as sent.
			const { subject, text } = inLocale(officer.locale, () =>
				digestMessage({
					name: officer.name,
					items: officer.rows.map((row) => toMyActionPoint(row, today)),
					origin: settings.origin
				})
			);
			const messageId = await insertOutboxMessage(tx, {
				event_id: null,
				person_id: null,
				to_address: officer.email,
				to_name: officer.name,
				kind: 'reminder',
				method: null,
				sequence: null,
				subject,
				text_body: text,
				ics: null,
				message_id: newMessageId(organizer),
				next_attempt_at: at,
				created_at: at
			});
			await setReminderDigestMessage(tx, userId, today, messageId);
			return true;
		});
		if (wrote) queued++;
	}
	return queued;
}

/** Whether the signed-in officer gets the daily digest. */
export async function getReminderChoice(db: Kysely<Database>, userId: number): Promise<boolean> {
	return (await findReminderChoice(db, userId))?.reminders !== 0;
}

/** Turns the actor's own daily digest on or off. Audited. */
export async function setReminderChoice(db: Kysely<Database>, actor: Actor, on: boolean): Promise<void> {
	authorize(actor, 'officer');
	const userId = actor.userId;
	if (userId === null) throw new NotFound(m.auth_error_no_such_account());
	await db.transaction().execute(async (tx) => {
		const current = await findReminderChoice(tx, userId);
		if (!current) throw new NotFound(m.auth_error_no_such_account());
		const reminders = on ? 1 : 0;
		if (current.reminders === reminders) return;
		await updateReminderChoice(tx, userId, reminders);
		await recordAction(tx, actor, {
			action: 'user.reminders',
			entityType: 'user_account',
			entityId: userId,
			before: { reminders: current.reminders === 1 },
			after: { reminders: on }
		});
	});
}
