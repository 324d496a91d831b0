/**
 * What the server does once before it answers: bring the schema up to date and, on an empty database,
 * load the demo data (unless DEMO_DATA=off, as a production deployment would set); then bring the search
 * index up to date and start the outbox.
 */
import { database } from './db';
import { migrateToLatest } from './db/migrator';
import { loadDemoData } from './demo/demo.service';
import { createMailer } from './mail/mail.transport';
import { outboxSettings } from './mail/outbox.settings';
import { startOutboxWorker } from './mail/outbox.worker';
import { refreshSearchIndex } from './search/search.service';

export async function prepareDatabase(): Promise<void> {
	const handle = database();
	const { db, description } = handle;
	const applied = await migrateToLatest(handle);
	if (applied.length > 0) console.info(`[protokol] ${description}: applied ${applied.join(', ')}`);
	if (process.env.DEMO_DATA !== 'off') {
		const demo = await loadDemoData(db);
		if (demo.loaded) console.info(`[protokol] loaded the demo data into ${description}`);
	}
	// Searches bring the index up to date themselves; doing it now spares the first one the wait.
	await refreshSearchIndex(db);
}

/**
 * Starts delivering the outbox by SMTP when SMTP_URL is set; without it, invitations wait there (the
 * pages say so). How it delivers: mail/outbox.settings.ts.
 */
export function startOutboxDelivery(): void {
	const mailer = createMailer();
	if (!mailer) {
		console.info('[protokol] SMTP_URL is not set: invitations wait in the outbox');
		return;
	}
	startOutboxWorker(database().db, mailer, outboxSettings());
}
