/**
 * A person's preferred language on both engines: stored from the person form, refused beside its field
 * when it is none of ours (the database's CHECK refuses it too), kept by a merge unless the survivor has
 * one; and the invitation each participant receives from a real SMTP server on loopback is written in
 * theirs — the Russian-speaking participant's subject, text and calendar DESCRIPTION in Russian, the
 * English-speaking one's in English (the office's default) — while the SUMMARY stays the event's title.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { sendInvitations } from '$lib/server/invitations/invitation.service';
import { createMailer } from '$lib/server/mail/mail.transport';
import { deliverDueMessages } from '$lib/server/mail/outbox.worker';
import { mergePeople } from '$lib/server/people/person-merge.service';
import { PersonCreateInput } from '$lib/server/people/person.input';
import { createPerson, findPersonForm, revisePerson } from '$lib/server/people/person.service';
import { fieldErrors } from '$lib/server/validation';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertPerson, stamps } from '../helpers/factories';
import { parseCalendar } from '../helpers/ical';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

type Db = Kysely<Database>;
const ENV = {
	ORGANIZER_NAME: 'State Migration Service, Protocol',
	ORGANIZER_EMAIL: 'protocol@migration.example',
	DEFAULT_LOCALE: 'en'
};
const NOW = new Date('2026-11-24T09:00:00.000Z');

const localeOf = async (db: Db, id: number) =>
	(await db.selectFrom('person').select('preferred_locale').where('id', '=', id).executeTakeFirstOrThrow())
		.preferred_locale;
const versionOf = async (db: Db, id: number) =>
	(await db.selectFrom('person').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

describeEachEngine('the language of invitations', (engine) => {
	let handle: TestDatabase;
	let smtp: TestSmtpServer;
	const saved = { ...process.env };

	beforeAll(async () => {
		Object.assign(process.env, ENV);
		handle = await engine.open();
		smtp = await startSmtpServer();
	});
	afterAll(async () => {
		process.env = saved;
		await smtp?.stop();
		await handle?.cleanup();
	});

	test('the person form stores a preferred language, and clears it back to the default', async () => {
		const created = await createPerson(
			handle.db,
			officer,
			PersonCreateInput.parse({ givenName: 'Olga', familyName: 'Smirnova', preferredLocale: 'ru' })
		);
		if (created.status !== 'created') throw new Error('The directory was empty.');
		const id = created.person.id;
		expect(await localeOf(handle.db, id)).toBe('ru');
		const form = (await findPersonForm(handle.db, id))!;
		expect(form.values.preferredLocale).toBe('ru');
		await revisePerson(
			handle.db,
			officer,
			id,
			Number(form.values.version),
			PersonCreateInput.parse({ ...form.values, preferredLocale: '' })
		);
		expect(await localeOf(handle.db, id)).toBeNull();
	});

	test('a language that is none of ours is refused beside its field, and by the database', async () => {
		const result = PersonCreateInput.safeParse({
			givenName: 'Jean',
			familyName: 'Dupont',
			preferredLocale: 'fr'
		});
		expect(result.success).toBe(false);
		expect(fieldErrors(result.error!).preferredLocale).toBe(
			'Choose Azerbaijani, English or Russian for the language of invitations.'
		);
		const person = await insertPerson(handle.db, { given_name: 'Jean', family_name: 'Dupont' });
		await expect(
			handle.db
				.updateTable('person')
				// @ts-expect-error -- the column's type admits az, en and ru only; the CHECK must refuse the rest
				.set({ preferred_locale: 'fr' })
				.where('id', '=', person.id)
				.execute()
		).rejects.toThrow(/check/i);
		expect(await localeOf(handle.db, person.id)).toBeNull();
	});

	test('a merge keeps the survivor’s language, and takes the other’s when it has none', async () => {
		const db = handle.db;
		const merge = async (personId: number, intoId: number) =>
			mergePeople(db, officer, personId, {
				intoId,
				version: await versionOf(db, personId),
				intoVersion: await versionOf(db, intoId)
			});
		const keptAz = await insertPerson(db, {
			given_name: 'Leyla',
			family_name: 'Aliyeva',
			preferred_locale: 'az'
		});
		const goneRu = await insertPerson(db, {
			given_name: 'Leyla',
			family_name: 'Alieva',
			preferred_locale: 'ru'
		});
		await merge(goneRu.id, keptAz.id);
		expect(await localeOf(db, keptAz.id)).toBe('az');
		const keptNone = await insertPerson(db, { given_name: 'Ilham', family_name: 'Guliyev' });
		const goneEn = await insertPerson(db, {
			given_name: 'Ilham',
			family_name: 'Guliev',
			preferred_locale: 'en'
		});
		await merge(goneEn.id, keptNone.id);
		expect(await localeOf(db, keptNone.id)).toBe('en');
	});

	test('each participant receives the invitation in their own language', async () => {
		const db = handle.db;
		// International Migrants Day 2026: Friday 18 December, 15:00–17:00 in Baku; the hour only assumed.
		const event = await insertEvent(db, {
			kind: 'observance',
			title: 'International Migrants Day 2026',
			start_at: '2026-12-18T11:00:00.000Z',
			end_at: '2026-12-18T13:00:00.000Z',
			time_zone: 'Asia/Baku',
			status: 'planned',
			timing: 'time_assumed',
			online_url: 'https://meet.example.org/imd',
			...stamps()
		});
		for (const [given, family, email, locale] of [
			['Владимир', 'Петров', 'petrov@partner.example', 'ru'],
			['Ann', 'Walker', 'walker@un.example', null]
		] as const) {
			const person = await insertPerson(db, {
				honorific: null,
				given_name: given,
				family_name: family,
				email,
				preferred_locale: locale
			});
			await db
				.insertInto('event_participant')
				.values({ event_id: event.id, person_id: person.id, role: 'guest', ...stamps() })
				.execute();
		}
		expect((await sendInvitations(db, officer, event.id, { now: NOW })).queued).toBe(2);
		const mailer = createMailer({ ...ENV, SMTP_URL: smtp.url })!;
		try {
			expect(await deliverDueMessages(db, mailer, NOW)).toEqual({ sent: 2, failed: 0 });
		} finally {
			mailer.close();
		}
		const mails = await smtp.waitFor(2);
		const ru = mails.find((m) => m.to === 'petrov@partner.example')!;
		const en = mails.find((m) => m.to === 'walker@un.example')!;
		const descriptionOf = (calendar: string) =>
			String(parseCalendar(calendar).events[0]!.component.getFirstPropertyValue('description'));
		const summaryOf = (calendar: string) =>
			String(parseCalendar(calendar).events[0]!.component.getFirstPropertyValue('summary'));

		expect(ru.parsed.subject).toMatch(/^Приглашение: International Migrants Day 2026 — .*18 декабря 2026/);
		expect(ru.parsed.text).toContain('Уважаемый(-ая) Владимир Петров,');
		expect(ru.parsed.text).toContain('State Migration Service, Protocol приглашает Вас на мероприятие:');
		expect(ru.parsed.text).toContain('Когда:');
		expect(ru.parsed.text).not.toMatch(/Dear|invites you|When:/);
		expect(descriptionOf(ru.calendar)).toContain('в источниках не указано');
		expect(descriptionOf(ru.calendar)).toContain('Онлайн: https://meet.example.org/imd');
		expect(summaryOf(ru.calendar)).toBe('International Migrants Day 2026');

		expect(en.parsed.subject).toBe(
			'Invitation: International Migrants Day 2026 — Friday 18 December 2026, 15:00–17:00'
		);
		expect(en.parsed.text).toContain('Dear Ann Walker,');
		expect(en.parsed.text).toContain('When:  Friday 18 December 2026, 15:00–17:00 (Asia/Baku, UTC+4)');
		expect(descriptionOf(en.calendar)).toContain('the sources do not state it.');
		expect(descriptionOf(en.calendar)).toContain('Online: https://meet.example.org/imd');
		expect(summaryOf(en.calendar)).toBe('International Migrants Day 2026');
	});
});
