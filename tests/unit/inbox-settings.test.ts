/** IMAP_URL and the settings beside it, as the inbox worker reads them (src/lib/server/inbox/inbox.settings.ts). */
import { expect, test } from 'vitest';
import { inboxSettings } from '$lib/server/inbox/inbox.settings';

test('no IMAP_URL: no mailbox is read', () => {
	expect(inboxSettings({})).toBeNull();
	expect(inboxSettings({ IMAP_URL: '  ' })).toBeNull();
});

test('imaps:// with an encoded user and password, a folder, and the key that never names the password', () => {
	const settings = inboxSettings({
		IMAP_URL: 'imaps://protocol%40migration.gov.az:p%40ss%2Fw0rd@mail.migration.gov.az/Replies%20In',
		IMAP_PROCESSED_FOLDER: 'Processed'
	})!;
	expect(settings).toMatchObject({
		host: 'mail.migration.gov.az',
		port: 993,
		secure: true,
		user: 'protocol@migration.gov.az',
		password: 'p@ss/w0rd',
		folder: 'Replies In',
		mailboxKey: 'protocol@migration.gov.az@mail.migration.gov.az:993/Replies In',
		processedFolder: 'Processed'
	});
	expect(settings.mailboxKey).not.toContain('w0rd');
});

test('imap:// defaults to port 143 and INBOX; nonsense numbers fall back to the defaults', () => {
	const settings = inboxSettings({ IMAP_URL: 'imap://u:p@127.0.0.1', IMAP_POLL_INTERVAL_MS: 'soon' })!;
	expect(settings).toMatchObject({ port: 143, secure: false, folder: 'INBOX', pollIntervalMs: 60_000 });
});

test('another scheme is refused at start, with what was expected', () => {
	expect(() => inboxSettings({ IMAP_URL: 'pop3://u:p@mail.example.org' })).toThrow(
		'IMAP_URL must start with imap:// or imaps://, not pop3://'
	);
});
