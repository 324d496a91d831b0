/** Messages put straight into the outbox, as a service queues them, for the delivery tests. */
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { newMessageId } from '$lib/server/mail/mail.transport';

export const TEST_ORGANIZER = { name: 'Protocol Office', email: 'protocol@migration.example' };

/** One invitation to each address, due at `at`; the rows as stored. */
export async function queueTestMessages(db: Kysely<Database>, recipients: string[], at: Date) {
	const rows = [];
	// In slices, so that no statement carries thousands of bound values.
	for (let i = 0; i < recipients.length; i += 250) {
		const slice = recipients.slice(i, i + 250).map((to) => ({
			event_id: null,
			person_id: null,
			to_address: to,
			to_name: to.split('@')[0]!,
			kind: 'invitation' as const,
			method: 'REQUEST' as const,
			sequence: 0,
			subject: `Invitation for ${to}`,
			text_body: 'You are invited.',
			ics: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n',
			message_id: newMessageId(TEST_ORGANIZER),
			next_attempt_at: at.toISOString(),
			created_at: at.toISOString()
		}));
		rows.push(...(await db.insertInto('outbox_message').values(slice).returningAll().execute()));
	}
	return rows;
}
