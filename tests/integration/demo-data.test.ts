import { afterAll, beforeAll, expect, test } from 'vitest';
import { allDayDates, instantToZoned } from '$lib/format/datetime';
import { findAgreementPage, listAgreementsPage } from '$lib/server/agreements/agreement.service';
import { officeToday } from '$lib/server/calendar/calendar.settings';
import { loadDemoData } from '$lib/server/demo/demo.service';
import type { SearchEntityType } from '$lib/server/db/schema';
import { listProjectsPage } from '$lib/server/projects/project.service';
import { searchEverything } from '$lib/server/search/search.service';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';

const TABLES = [
	'organization',
	'person',
	'venue',
	'event_series',
	'event',
	'event_organization',
	'delegation',
	'event_participant',
	'agenda_item',
	'agenda_item_role',
	'outcome',
	'outcome_party',
	'outcome_follow_up',
	'correspondence',
	'correspondence_event',
	'agreement',
	'agreement_party',
	'project',
	'project_partner',
	'project_event',
	'project_outcome',
	'project_correspondence',
	'project_agreement'
] as const;

async function rowCounts(handle: TestDatabase) {
	const counts: Record<string, number> = {};
	for (const table of TABLES) {
		const row = await handle.db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		counts[table] = Number(row.n);
	}
	return counts;
}

describeEachEngine('the demo data', (engine) => {
	let handle: TestDatabase;
	let firstLoad: Awaited<ReturnType<typeof loadDemoData>>;
	let loadedAt: Date;

	beforeAll(async () => {
		handle = await engine.open();
		loadedAt = new Date();
		firstLoad = await loadDemoData(handle.db);
	});
	afterAll(() => handle.cleanup());

	const eventTitled = (title: string) =>
		handle.db.selectFrom('event').selectAll().where('title', '=', title).executeTakeFirstOrThrow();

	test('loads into an empty database', async () => {
		expect(firstLoad.loaded).toBe(true);
		const counts = await rowCounts(handle);
		for (const table of TABLES) expect(counts[table], table).toBeGreaterThan(0);
	});

	test('loading twice adds nothing', async () => {
		const before = await rowCounts(handle);
		const again = await loadDemoData(handle.db);
		expect(again.loaded).toBe(false);
		expect(await rowCounts(handle)).toEqual(before);
	});

	test('writes one audit entry for the load', async () => {
		const entries = await handle.db
			.selectFrom('audit_entry')
			.select(['action', 'actor_label'])
			.where('action', '=', 'demo.load')
			.execute();
		expect(entries).toHaveLength(1);
	});

	test('International Migrants Day 2021 has its speakers in the order of the seed document', async () => {
		const event = await eventTitled('International Migrants Day 2021');
		expect(event.theme).toBe('Harnessing the potential of human mobility');
		expect(event.time_zone).toBe('Asia/Baku');
		const speakers = await handle.db
			.selectFrom('agenda_item as i')
			.innerJoin('agenda_item_role as r', 'r.agenda_item_id', 'i.id')
			.innerJoin('event_participant as p', 'p.id', 'r.participant_id')
			.innerJoin('person', 'person.id', 'p.person_id')
			.select(['person.family_name', 'r.role', 'i.kind'])
			.where('i.event_id', '=', event.id)
			.orderBy('i.position')
			.orderBy('r.position')
			.execute();
		expect(speakers.map((s) => s.family_name)).toEqual([
			'Huseynov',
			'Aliyeva',
			'Gjorgjiev',
			'Andreeva',
			'Vitorino',
			'Prentice',
			'Pinjo'
		]);
		expect(speakers.find((s) => s.family_name === 'Vitorino')).toMatchObject({ kind: 'video_message' });
		expect(speakers.find((s) => s.family_name === 'Pinjo')).toMatchObject({ kind: 'presentation' });
		const hosts = await handle.db
			.selectFrom('event_organization as eo')
			.innerJoin('organization as o', 'o.id', 'eo.organization_id')
			.select(['o.acronym', 'eo.role'])
			.where('eo.event_id', '=', event.id)
			.orderBy('eo.position')
			.execute();
		expect(hosts[0]).toEqual({ acronym: 'SMS', role: 'host' });
		expect(hosts.some((h) => h.role === 'co_host')).toBe(true);
	});

	test('the next International Migrants Day is planned for 18 December after the load, invitations out and some unanswered', async () => {
		// 18 December of the year the data loaded in (at the office), or of the next once it has passed.
		const today = officeToday(loadedAt);
		const year = Number(today.slice(0, 4)) + (today > `${today.slice(0, 4)}-12-18` ? 1 : 0);
		const next = await eventTitled(`International Migrants Day ${year}`);
		expect(instantToZoned(next.start_at, next.time_zone)).toBe(`${year}-12-18T10:00`);
		expect(next).toMatchObject({ status: 'planned', kind: 'observance', time_zone: 'Asia/Baku' });
		const model = await eventTitled('International Migrants Day 2021');
		expect(next.series_id).toBe(model.series_id);
		expect(next.venue_id).toBe(model.venue_id);
		expect(next.description).toMatch(/^The next International Migrants Day, 18 December/);
		expect(next.description).not.toContain(model.description!.slice(0, 60));

		const hosts = (eventId: number) =>
			handle.db
				.selectFrom('event_organization')
				.select(['organization_id', 'role'])
				.where('event_id', '=', eventId)
				.orderBy('position')
				.execute();
		expect(await hosts(next.id)).toEqual(await hosts(model.id));
		const kinds = (eventId: number) =>
			handle.db
				.selectFrom('agenda_item')
				.select('kind')
				.where('event_id', '=', eventId)
				.orderBy('position')
				.execute();
		expect(await kinds(next.id)).toEqual(await kinds(model.id));

		const invited = await handle.db
			.selectFrom('event_participant')
			.select(['rsvp_status', 'invited_at'])
			.where('event_id', '=', next.id)
			.execute();
		expect(invited).toHaveLength(7);
		expect(invited.every((p) => p.invited_at !== null)).toBe(true);
		expect(invited.filter((p) => p.rsvp_status === 'invited')).toHaveLength(4);
		expect(invited.filter((p) => p.rsvp_status === 'accepted')).toHaveLength(2);
	});

	test("loaded after 18 December, the next International Migrants Day is the next year's", async () => {
		const later = await engine.open();
		try {
			// 19 December 2026, 00:30 in Baku.
			await loadDemoData(later.db, undefined, { now: new Date('2026-12-18T20:30:00Z') });
			const titles = await later.db
				.selectFrom('event')
				.select(['title', 'start_at'])
				.where('title', 'like', 'International Migrants Day %')
				.orderBy('start_at')
				.execute();
			expect(titles.map((t) => t.title)).toEqual([
				'International Migrants Day 2021',
				'International Migrants Day 2027'
			]);
			expect(titles[1]!.start_at).toBe('2027-12-18T06:00:00.000Z');
		} finally {
			await later.cleanup();
		}
	});

	test('the post-IMRF debrief was held in Baku on 30 June 2022, with what the participants agreed', async () => {
		const event = await handle.db
			.selectFrom('event')
			.selectAll()
			.where('kind', '=', 'debrief')
			.executeTakeFirstOrThrow();
		expect(event.time_zone).toBe('Asia/Baku');
		expect(instantToZoned(event.start_at, event.time_zone).slice(0, 10)).toBe('2022-06-30');
		expect(event.timing).toBe('time_assumed');
		const outcomes = await handle.db
			.selectFrom('outcome')
			.select(['kind', 'title', 'text'])
			.where('event_id', '=', event.id)
			.execute();
		expect(outcomes.some((o) => /work plan of UNNM Azerbaijan/i.test(`${o.title} ${o.text}`))).toBe(true);
	});

	test('people keep the position they held at each event', async () => {
		const positions = await handle.db
			.selectFrom('event_participant as p')
			.innerJoin('person', 'person.id', 'p.person_id')
			.innerJoin('event', 'event.id', 'p.event_id')
			.select(['event.start_at', 'p.position_at_event'])
			.where('person.family_name', '=', 'Gjorgjiev')
			.orderBy('event.start_at')
			.execute();
		const distinct = new Set(positions.map((p) => p.position_at_event));
		expect(distinct.size).toBeGreaterThan(1);
		const huseynov = await handle.db
			.selectFrom('person')
			.selectAll()
			.where('family_name', '=', 'Huseynov')
			.executeTakeFirstOrThrow();
		expect(huseynov.rank).toBe('II rank state migration service counselor');
		expect(huseynov.position).toBe('Chief of the State Migration Service');
		// The current post carries the versions of the post in his history written the same way.
		expect([huseynov.position_locale, huseynov.position_az, huseynov.position_ru]).toEqual([
			'en',
			'Dövlət Miqrasiya Xidmətinin rəisi',
			'Начальник Государственной миграционной службы'
		]);
	});

	test('the note verbale transmits the "Champion countries" letter', async () => {
		const letter = await handle.db
			.selectFrom('correspondence')
			.selectAll()
			.where('reference_number', '=', '09/1502')
			.executeTakeFirstOrThrow();
		expect(letter).toMatchObject({ kind: 'letter', dated_on: '2021-09-02' });
		const note = await handle.db
			.selectFrom('correspondence')
			.selectAll()
			.where('reference_number', '=', '0451/13/21/26')
			.executeTakeFirstOrThrow();
		expect(note).toMatchObject({
			kind: 'note_verbale',
			dated_on: '2021-09-17',
			place: 'Geneva',
			direction: 'outgoing',
			transmits_id: letter.id
		});
		expect(letter.direction).toBe('outgoing');
	});

	test('the SMS–IOM agreement carries its signing, approval and entry-into-force dates', async () => {
		const agreement = await handle.db
			.selectFrom('agreement')
			.selectAll()
			.where('signed_on', '=', '2016-12-08')
			.executeTakeFirstOrThrow();
		expect(agreement).toMatchObject({
			signed_place: 'Geneva',
			approved_on: '2017-02-23',
			approval_act: 'Decree of the President of the Republic of Azerbaijan of 23 February 2017',
			in_force_on: '2017-03-02'
		});
		const signing = await handle.db
			.selectFrom('event')
			.select('title')
			.where('id', '=', agreement.signed_event_id)
			.executeTakeFirstOrThrow();
		expect(signing.title).toMatch(/^Signing of the Cooperation Agreement/);
		const page = (await findAgreementPage(handle.db, agreement.id, {}, new Date('2025-01-01T12:00:00Z')))!;
		expect(page.agreement.stateText).toBe('In force since 2 March 2017');
		expect(page.agreement.parties.map((p) => p.acronym).sort()).toEqual(['IOM', 'SMS']);
		const visa = await handle.db
			.selectFrom('agreement')
			.select('signed_on')
			.where('title', 'like', '%facilitation of the issuance of visas%')
			.executeTakeFirstOrThrow();
		expect(visa.signed_on).toBe('2013-11-29');
	});

	test('the register holds the five agreements of the seed, each shown as it stands, none as a draft', async () => {
		const register = await listAgreementsPage(handle.db, { page: { limit: 25 } });
		expect(register.items.map((a) => [a.stateText, a.parties.length])).toEqual([
			['In force since 2 March 2017', 2],
			['Signed on 28 February 2014', 2],
			['Signed on 29 November 2013', 2],
			['Signed, on a date not recorded', 2],
			['Signed, on a date not recorded', 2]
		]);
		const outcomes = await handle.db.selectFrom('outcome').select('kind').execute();
		expect(outcomes.map((o) => o.kind)).not.toContain('agreement');
	});

	test('the projects of the seed are there, IOM\'s "since 2014" and ongoing', async () => {
		const projects = await listProjectsPage(handle.db, { page: { limit: 25 } });
		expect(projects.items.map((p) => [p.title, p.programmeLabel, p.stateLabel, p.period])).toEqual([
			[
				'Asylum Systems Quality Initiative in Eastern Europe and South Caucasus',
				'Joint project',
				'Ongoing',
				'Dates not recorded'
			],
			[
				'Consolidation of Migration and Border Management Capacities in Azerbaijan',
				'Joint project',
				'Ongoing',
				'Since 2014'
			],
			['Cooperation within the Almaty Process', 'Other', 'Ongoing', 'Dates not recorded'],
			['Cooperation within the Budapest Process', 'Other', 'Ongoing', 'Dates not recorded'],
			['Cooperation within the Prague Process', 'Other', 'Ongoing', 'Dates not recorded'],
			[
				'EU Technical Assistance and Information Exchange (TAIEX)',
				'TAIEX (EU)',
				'Ongoing',
				'Dates not recorded'
			],
			['EU Twinning', 'Twinning (EU)', 'Ongoing', 'Dates not recorded'],
			[
				'Eastern Partnership Platform 1 "Democracy, good governance and stability"',
				'Other',
				'Ongoing',
				'Dates not recorded'
			],
			['MIEUX projects in Azerbaijan', 'MIEUX (EU, ICMPD)', 'Completed', 'Dates not recorded'],
			['Regional Training Center on Migration', 'Joint project', 'Ongoing', 'Dates not recorded']
		]);
		const partners = Object.fromEntries(
			projects.items.map((p) => [p.title, p.partners.map((o) => o.acronym).sort()])
		);
		expect(partners['Asylum Systems Quality Initiative in Eastern Europe and South Caucasus']).toEqual([
			'UNHCR'
		]);
		expect(partners['Regional Training Center on Migration']).toEqual(['IOM', 'IOM Azerbaijan']);
		expect(partners['EU Twinning']).toEqual(['EU']);
		expect(partners['EU Technical Assistance and Information Exchange (TAIEX)']).toEqual(['EU']);
	});

	test('the IOM Council session was held in Geneva from 5 to 8 December 2016', async () => {
		const session = await handle.db
			.selectFrom('event')
			.selectAll()
			.where('kind', '=', 'council_session')
			.where('title', 'like', '%IOM Council%')
			.executeTakeFirstOrThrow();
		expect(session.time_zone).toBe('Europe/Zurich');
		// The source gives the dates alone: whole days, midnight to the midnight after the last.
		expect(session.all_day).toBe(1);
		expect(instantToZoned(session.start_at, session.time_zone)).toBe('2016-12-05T00:00');
		expect(instantToZoned(session.end_at, session.time_zone)).toBe('2016-12-09T00:00');
		expect(allDayDates(session.start_at, session.end_at, session.time_zone)).toEqual({
			first: '2016-12-05',
			last: '2016-12-08'
		});
	});

	/** The names of an organisation and of every one above it, itself first. */
	async function chainOf(organizationId: number): Promise<string[]> {
		const names: string[] = [];
		for (let id: number | null = organizationId; id !== null;) {
			const row: { name: string; parent_id: number | null } = await handle.db
				.selectFrom('organization')
				.select(['name', 'parent_id'])
				.where('id', '=', id)
				.executeTakeFirstOrThrow();
			names.push(row.name);
			id = row.parent_id;
		}
		return names;
	}

	const organizationNamed = (name: string) =>
		handle.db.selectFrom('organization').selectAll().where('name', '=', name).executeTakeFirstOrThrow();

	/**
	 * Every organisation whose dossier holds the record: those it is linked to (an event's hosts and
	 * participants' organisations; a project's partners) and all above them.
	 */
	async function dossiersOf(type: 'event' | 'project', id: number): Promise<Set<string>> {
		const linked =
			type === 'event'
				? [
						...(await handle.db
							.selectFrom('event_organization')
							.select('organization_id')
							.where('event_id', '=', id)
							.execute()),
						...(await handle.db
							.selectFrom('event_participant')
							.select('organization_id')
							.where('event_id', '=', id)
							.execute())
					]
				: await handle.db
						.selectFrom('project_partner')
						.select('organization_id')
						.where('project_id', '=', id)
						.execute();
		const names = new Set<string>();
		for (const { organization_id } of linked) {
			if (organization_id !== null) for (const name of await chainOf(organization_id)) names.add(name);
		}
		return names;
	}

	const projectTitled = (title: string) =>
		handle.db.selectFrom('project').selectAll().where('title', '=', title).executeTakeFirstOrThrow();

	/** The titles search shows for a query, of one type, best first. */
	const found = async (query: string, type: SearchEntityType) =>
		(await searchEverything(handle.db, query, { perType: 50 })).groups
			.find((g) => g.type === type)
			?.hits.map((h) => h.title.map((part) => part.text).join('')) ?? [];

	const NETHERLANDS = 'Kingdom of the Netherlands';
	const NETHERLANDS_JUSTICE = 'Ministry of Justice of the Kingdom of the Netherlands';
	const EU = 'European Union';
	const EASTERN_PARTNERSHIP_PLATFORM =
		'Eastern Partnership Platform 1 "Democracy, good governance and stability"';

	test.each([
		['Republic of Turkey', []],
		['Embassy of the Republic of Turkey in the Republic of Azerbaijan', ['Republic of Turkey']],
		['Russian Federation', []],
		[NETHERLANDS, []],
		[NETHERLANDS_JUSTICE, [NETHERLANDS]],
		['Immigration and Naturalization Service', [NETHERLANDS_JUSTICE, NETHERLANDS]],
		['Repatriation and Departure Service', [NETHERLANDS_JUSTICE, NETHERLANDS]],
		['Embassy of the Kingdom of the Netherlands in the Republic of Azerbaijan', [NETHERLANDS]],
		['Almaty Process', []],
		['Prague Process', []],
		['Budapest Process', []],
		[EASTERN_PARTNERSHIP_PLATFORM, ['Eastern Partnership', EU]]
	])('%s is in the directory, under %j, and found by search', async (name, above) => {
		const organization = await organizationNamed(name);
		expect(await chainOf(organization.id)).toEqual([name, ...above]);
		expect(await found(name, 'organization')).toContain(name);
	});

	test('the Immigration and Naturalization Service is found in either spelling', async () => {
		expect(await found('Naturalisation Service', 'organization')).toEqual([
			'Immigration and Naturalization Service'
		]);
	});

	const NO_DATE = 'The source gives no date; the date shown is assumed';

	test.each([
		[
			'Meetings of the Chief of the State Migration Service with heads of authorities of the Republic of Turkey',
			'Republic of Turkey'
		],
		[
			'Meetings of the Chief of the State Migration Service with Ambassadors of the Republic of Turkey in the Republic of Azerbaijan',
			'Embassy of the Republic of Turkey in the Republic of Azerbaijan'
		],
		[
			'Working visits and meetings between the State Migration Service and state authorities of the Russian Federation',
			'Russian Federation'
		],
		[
			'Meetings of the Chief of the State Migration Service with the heads of the Immigration and Naturalization Service and the Repatriation and Departure Service of the Netherlands',
			'Immigration and Naturalization Service'
		],
		[
			'Meetings of the Chief of the State Migration Service with the heads of the Immigration and Naturalization Service and the Repatriation and Departure Service of the Netherlands',
			'Repatriation and Departure Service'
		],
		[
			'Meetings of the Chief of the State Migration Service with Ambassadors Extraordinary and Plenipotentiary of the Kingdom of the Netherlands in the Republic of Azerbaijan',
			'Embassy of the Kingdom of the Netherlands in the Republic of Azerbaijan'
		]
	])(
		'"%s" is in the dossier of %s and of its country, its date marked assumed and said to be unknown',
		async (title, partner) => {
			const event = await eventTitled(title);
			expect(event.timing).toBe('date_assumed');
			expect(event.description).toContain(NO_DATE);
			const dossiers = await dossiersOf('event', event.id);
			expect(dossiers).toContain(partner);
			expect(dossiers).toContain('State Migration Service of the Republic of Azerbaijan');
			const [country] = (await chainOf((await organizationNamed(partner)).id)).slice(-1);
			expect(dossiers).toContain(country);
			expect(await found(title, 'event')).toContain(title);
		}
	);

	test("William Lacy Swing's official visit at the Government's invitation and his meeting with President Ilham Aliyev, dates unknown", async () => {
		const visit = await eventTitled(
			'Official visit of the Director General of IOM, Mr William Lacy Swing, to Azerbaijan'
		);
		const meeting = await eventTitled(
			'Meeting of the President of the Republic of Azerbaijan, Mr Ilham Aliyev, with the Director General of IOM, Mr William Lacy Swing'
		);
		expect(visit).toMatchObject({ kind: 'official_visit', timing: 'date_assumed' });
		expect(visit.description).toContain('at the invitation of the Government of Azerbaijan');
		expect(meeting).toMatchObject({ kind: 'bilateral_meeting', timing: 'date_assumed' });
		for (const event of [visit, meeting]) {
			expect(event.description).toContain(NO_DATE);
			const dossiers = await dossiersOf('event', event.id);
			expect(dossiers).toContain('International Organization for Migration');
			expect(dossiers).toContain('Government of the Republic of Azerbaijan');
		}
		const present = await handle.db
			.selectFrom('event_participant as p')
			.innerJoin('person', 'person.id', 'p.person_id')
			.select(['person.given_name', 'person.family_name', 'person.position', 'p.role', 'p.position_at_event'])
			.where('p.event_id', '=', meeting.id)
			.orderBy('person.family_name')
			.execute();
		expect(present).toEqual([
			{
				given_name: 'Ilham',
				family_name: 'Aliyev',
				position: 'President of the Republic of Azerbaijan',
				role: 'host',
				position_at_event: 'President of the Republic of Azerbaijan'
			},
			{
				given_name: 'William Lacy',
				family_name: 'Swing',
				position: 'Former Director General of the International Organization for Migration',
				role: 'head_of_delegation',
				position_at_event: 'Director General of the International Organization for Migration'
			}
		]);
		expect(await found('Ilham Aliyev', 'person')).toEqual(['Mr Ilham Aliyev']);
		expect(await found('Swing official visit', 'event')).toContain(visit.title);
		expect(await found('Aliyev Swing', 'event')).toContain(meeting.title);
	});

	test.each([
		['Cooperation within the Almaty Process', 'Almaty Process'],
		['Cooperation within the Prague Process', 'Prague Process'],
		['Cooperation within the Budapest Process', 'Budapest Process'],
		[EASTERN_PARTNERSHIP_PLATFORM, EU],
		['EU Twinning', EU],
		['EU Technical Assistance and Information Exchange (TAIEX)', EU]
	])('the project "%s" is in the dossier of %s and found by search', async (title, partner) => {
		const project = await projectTitled(title);
		expect(await dossiersOf('project', project.id)).toContain(partner);
		expect(await found(title, 'project')).toContain(title);
	});

	test('the EU instruments are Twinning and TAIEX, each once', async () => {
		const instruments = await handle.db
			.selectFrom('project')
			.select(['programme', 'title'])
			.where('programme', 'in', ['twinning', 'taiex'])
			.orderBy('programme')
			.execute();
		expect(instruments.map((p) => p.programme)).toEqual(['taiex', 'twinning']);
		expect(await found('TAIEX', 'project')).toEqual([
			'EU Technical Assistance and Information Exchange (TAIEX)'
		]);
		expect(await found('Twinning', 'project')).toEqual(['EU Twinning']);
	});

	test.each([
		['8th Meeting of the CIS Council of Heads of Migration Bodies', 'Commonwealth of Independent States'],
		['19th Meeting of the CIS Council of Heads of Migration Bodies', 'Commonwealth of Independent States'],
		['107th Session of the IOM Council', 'International Organization for Migration'],
		[
			'High-level summit of the UN General Assembly on "Addressing large movements of refugees and migrants"',
			'United Nations'
		],
		[
			'Strengthening international cooperation on and governance of migration towards the adoption of a global compact for safe, orderly and regular migration in 2018',
			'International Organization for Migration'
		]
	])('the seed fact "%s" is in the dossier of %s and found by search', async (title, partner) => {
		const event = await eventTitled(title);
		expect(await dossiersOf('event', event.id)).toContain(partner);
		expect(await found(title, 'event')).toContain(title);
	});
});
