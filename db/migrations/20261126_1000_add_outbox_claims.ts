import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';

/**
 * Who holds an outbox message while it is sent (src/lib/server/mail/outbox.worker.ts). A claim is a
 * random token, and every change of the message's status names it, so a worker whose claim has run out
 * and been taken by another can no longer mark the message sent or failed. The Message-ID is now chosen
 * when the message is queued and sent on every attempt, so a repeated delivery is the same message.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('outbox_message')
		// Random for each claim; null while nobody sends the message.
		.addColumn('claim_token', 'text')
		.execute();
	await db.schema
		.alterTable('outbox_message')
		// The process that holds the claim: host name, pid and the host key that tells whether that pid can
		// be asked if it is still alive. Null while nobody sends the message.
		.addColumn('claimed_by', 'text')
		.execute();
	// message_id held the Message-ID the server accepted; every message has one from here on. The domain
	// of those made here is reserved (RFC 2606): nothing else can have made the same one.
	const missing = await db
		.selectFrom('outbox_message')
		.select('id')
		.where('message_id', 'is', null)
		.execute();
	for (const { id } of missing) {
		await db
			.updateTable('outbox_message')
			.set({ message_id: `<${randomBytes(16).toString('hex')}@protokol.invalid>` })
			.where('id', '=', id)
			.execute();
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('outbox_message').dropColumn('claimed_by').execute();
	await db.schema.alterTable('outbox_message').dropColumn('claim_token').execute();
}
