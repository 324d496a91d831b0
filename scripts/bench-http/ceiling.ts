/**
 * The ceiling of `npm run bench:http`: the event page as a bare node:http server over better-sqlite3
 * could serve it — statements prepared once, formatters cached per zone, HTML from template strings, no
 * framework. It reads what the app's event page reads (the event with its venue and series, hosts, the
 * agenda with each item's people, delegations, participants in order of precedence, outcomes, letters) and
 * embeds the page's data as JSON the way SvelteKit embeds it for hydration, so that both answers are of a
 * like size. No session, no access check, no logging: that is the point of a ceiling.
 *
 *   node scripts/bench-http/ceiling.ts --database <file> --port <port>    GET /events/<id>
 *
 * The SQL is here and not in a repository on purpose: going around Kysely is what this measures.
 */
import Database from 'better-sqlite3';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { formatOrganizationName, formatPersonName, formatTitles } from '../../src/lib/format/names.ts';
import {
	agendaItemKinds,
	agendaRoles,
	eventKinds,
	eventStatuses,
	outcomeKinds,
	participantRoles,
	rsvpStatuses
} from '../../src/lib/vocabulary.ts';

type Row = Record<string, unknown>;

const PERSON_AT_EVENT = `person.id AS person_id, person.honorific, person.given_name, person.family_name,
	person.native_name, person.position AS current_position, person.rank AS current_rank,
	p.position_at_event, p.rank_at_event, o.id AS organization_id, o.name AS organization_name,
	o.acronym AS organization_acronym`;

export function openCeiling(file: string) {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	const statements = {
		event: db.prepare(`SELECT event.*, venue.name AS venue_name, venue.address AS venue_address,
			venue.city AS venue_city, venue.country_code AS venue_country_code, event_series.name AS series_name
			FROM event LEFT JOIN venue ON venue.id = event.venue_id
			LEFT JOIN event_series ON event_series.id = event.series_id WHERE event.id = ?`),
		hosts: db.prepare(`SELECT eo.role, organization.id, organization.name, organization.acronym
			FROM event_organization eo JOIN organization ON organization.id = eo.organization_id
			WHERE eo.event_id = ? ORDER BY eo.position`),
		agenda: db.prepare(`SELECT id, kind, title, start_at, end_at, notes FROM agenda_item
			WHERE event_id = ? ORDER BY position, id`),
		agendaRoles: db.prepare(`SELECT r.agenda_item_id, r.role, ${PERSON_AT_EVENT}
			FROM agenda_item_role r JOIN agenda_item i ON i.id = r.agenda_item_id
			JOIN event_participant p ON p.id = r.participant_id JOIN person ON person.id = p.person_id
			LEFT JOIN organization o ON o.id = p.organization_id
			WHERE i.event_id = ? ORDER BY r.agenda_item_id, r.position`),
		delegations: db.prepare(`SELECT delegation.id, delegation.name, organization.id AS organization_id,
			organization.name AS organization_name, organization.acronym AS organization_acronym
			FROM delegation LEFT JOIN organization ON organization.id = delegation.organization_id
			WHERE delegation.event_id = ? ORDER BY delegation.position, delegation.id`),
		participants: db.prepare(`SELECT p.id, p.role, p.delegation_id, p.rsvp_status, ${PERSON_AT_EVENT}
			FROM event_participant p JOIN person ON person.id = p.person_id
			LEFT JOIN organization o ON o.id = p.organization_id WHERE p.event_id = ?
			ORDER BY coalesce(p.precedence, 2147483647), 1 - person.heads_organization,
				coalesce(person.precedence_level, 2147483647),
				CASE p.role WHEN 'host' THEN 0 WHEN 'head_of_delegation' THEN 1 WHEN 'speaker' THEN 2
					WHEN 'delegation_member' THEN 3 WHEN 'guest' THEN 4 WHEN 'observer' THEN 5 ELSE 6 END,
				person.family_name, person.given_name, p.id`),
		outcomes: db.prepare(`SELECT outcome.id, outcome.kind, outcome.title, outcome.status, outcome.due_on,
			owner.given_name AS owner_given_name, owner.family_name AS owner_family_name
			FROM outcome LEFT JOIN person owner ON owner.id = outcome.owner_person_id
			WHERE outcome.event_id = ? ORDER BY outcome.id`),
		letters: db.prepare(`SELECT c.id, c.kind, c.reference_number, c.dated_on, c.subject, ce.link
			FROM correspondence_event ce JOIN correspondence c ON c.id = ce.correspondence_id
			WHERE ce.event_id = ? ORDER BY c.dated_on DESC, c.id DESC`)
	};
	return { db, statements };
}

const escapes: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};
const escape = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => escapes[c]!);

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();
function formatter(
	cache: Map<string, Intl.DateTimeFormat>,
	zone: string,
	options: Intl.DateTimeFormatOptions
) {
	let format = cache.get(zone);
	if (!format) cache.set(zone, (format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone })));
	return format;
}
const day = (at: string, zone: string) =>
	formatter(dayFormats, zone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
		new Date(at)
	);
const time = (at: string, zone: string) =>
	formatter(timeFormats, zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at));

function personLine(row: Row) {
	const name = formatPersonName(row as { honorific: string | null; given_name: string; family_name: string });
	const titles = formatTitles({
		position: (row.position_at_event ?? row.current_position) as string | null,
		rank: (row.rank_at_event ?? row.current_rank) as string | null,
		organization: row.organization_id
			? { name: row.organization_name as string, acronym: row.organization_acronym as string | null }
			: null
	});
	return `<span class="person"><a href="/people/${row.person_id}"><strong>${escape(name)}</strong></a>${
		row.native_name ? `<span class="muted" lang="und"> (${escape(row.native_name)})</span>` : ''
	}${titles ? `<span class="small muted">, ${escape(titles)}</span>` : ''}</span>`;
}

/** The event page's HTML, or null when there is no such event. */
export function renderEventPage(ceiling: ReturnType<typeof openCeiling>, eventId: number): string | null {
	const { statements } = ceiling;
	const event = statements.event.get(eventId) as Row | undefined;
	if (!event) return null;
	const zone = event.time_zone as string;
	const hosts = statements.hosts.all(eventId) as Row[];
	const items = statements.agenda.all(eventId) as Row[];
	const roles = statements.agendaRoles.all(eventId) as Row[];
	const delegations = statements.delegations.all(eventId) as Row[];
	const participants = statements.participants.all(eventId) as Row[];
	const outcomes = statements.outcomes.all(eventId) as Row[];
	const letters = statements.letters.all(eventId) as Row[];

	const hostLinks = hosts
		.map((h) => `<a href="/organizations/${h.id}">${escape(formatOrganizationName(h as never))}</a>`)
		.join('; ');
	const agenda = items
		.map((item) => {
			const people = roles
				.filter((r) => r.agenda_item_id === item.id)
				.map(
					(r) =>
						`<li>${personLine(r)}${r.role === 'speaker' ? '' : `<span class="badge">${agendaRoles.labels[r.role as keyof typeof agendaRoles.labels]}</span>`}</li>`
				)
				.join('');
			const at = item.start_at
				? `<time datetime="${item.start_at}">${time(item.start_at as string, zone)}</time>–<time datetime="${item.end_at}">${time(item.end_at as string, zone)}</time>`
				: '';
			return `<li class="agenda-item"><div class="agenda-time">${at}</div><div><p class="eyebrow">${
				agendaItemKinds.labels[item.kind as keyof typeof agendaItemKinds.labels]
			}</p><h3>${escape(item.title)}</h3>${people ? `<ul class="plain agenda-people">${people}</ul>` : ''}${
				item.notes ? `<p class="small notes">${escape(item.notes)}</p>` : ''
			}</div></li>`;
		})
		.join('');
	const groups = [...delegations, { id: null, name: 'Not in a delegation' }].map((d) => {
		const members = participants.filter((p) => (p.delegation_id ?? null) === d.id);
		if (members.length === 0) return '';
		return `<section class="panel delegation"><h3>${escape(d.name)}</h3><ul class="plain">${members
			.map(
				(m) =>
					`<li>${personLine(m)} <span class="small muted">· ${participantRoles.labels[m.role as keyof typeof participantRoles.labels]}</span> <span class="badge rsvp-${m.rsvp_status}">${rsvpStatuses.labels[m.rsvp_status as keyof typeof rsvpStatuses.labels]}</span></li>`
			)
			.join('')}</ul></section>`;
	});
	const outcomeList = outcomes
		.map(
			(o) =>
				`<li><a href="/outcomes/${o.id}">${escape(o.title)}</a> <span class="badge">${outcomeKinds.labels[o.kind as keyof typeof outcomeKinds.labels]}</span>${
					o.owner_family_name ? ` · ${escape(o.owner_given_name)} ${escape(o.owner_family_name)}` : ''
				}${o.due_on ? ` · due ${o.due_on}` : ''}</li>`
		)
		.join('');
	const letterRows = letters
		.map(
			(l) =>
				`<tr><td>${l.dated_on}</td><td>${escape(l.reference_number)}</td><td><a href="/correspondence/${l.id}">${escape(l.subject)}</a></td><td>${escape(l.link)}</td></tr>`
		)
		.join('');
	const title = escape(event.title);
	const data = { event, hosts, items, roles, delegations, participants, outcomes, letters };
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Protokol</title></head><body><nav class="site-nav"><a href="/">Home</a> <a href="/events">Events</a> <a href="/calendar">Calendar</a> <a href="/people">People</a> <a href="/organizations">Organisations</a> <a href="/actions">Action points</a> <a href="/search">Search</a></nav><main><article><header class="page-head"><div><p class="eyebrow">${
		eventKinds.labels[event.kind as keyof typeof eventKinds.labels]
	}${event.series_name ? ` · <a href="/events?when=past&series=${event.series_id}">${escape(event.series_name)}</a>` : ''}</p><h1>${title}</h1>${
		event.theme ? `<p class="theme">“${escape(event.theme)}”</p>` : ''
	}</div><p><span class="badge status-${event.status}">${eventStatuses.labels[event.status as keyof typeof eventStatuses.labels]}</span></p></header><section class="panel"><dl class="facts"><dt>When</dt><dd><time datetime="${event.start_at}">${day(event.start_at as string, zone)}, ${time(event.start_at as string, zone)}–${time(event.end_at as string, zone)}</time> <span class="muted">(${escape(zone)})</span></dd>${
		event.venue_name
			? `<dt>Where</dt><dd>${escape(event.venue_name)}, ${escape(event.venue_city)} <span class="muted">(${event.venue_country_code})</span></dd>`
			: ''
	}${hostLinks ? `<dt>Hosts</dt><dd>${hostLinks}</dd>` : ''}</dl>${
		event.description ? `<p class="description">${escape(event.description)}</p>` : ''
	}</section><section><h2>Agenda</h2>${agenda ? `<ol class="agenda">${agenda}</ol>` : '<p class="empty">No agenda items yet.</p>'}</section><section><h2>Participants <span class="muted small">(${participants.length})</span></h2><div class="grid-2">${groups.join('')}</div></section><section><h2>Outcomes</h2>${outcomeList ? `<ul>${outcomeList}</ul>` : '<p class="empty">No decisions, statements or action points recorded for this event.</p>'}</section><section><h2>Correspondence</h2>${letterRows ? `<table>${letterRows}</table>` : '<p class="empty">No notes or letters linked to this event.</p>'}</section><footer class="small muted">Calendar UID ${escape(event.ical_uid)}, sequence ${event.ical_sequence}</footer></article></main><script type="application/json" id="page-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script></body></html>`;
}

/** Serves GET /events/<id> and /healthz until the process is stopped. */
export function serveCeiling(file: string, port: number, host = '127.0.0.1') {
	const ceiling = openCeiling(file);
	const server = createServer((request, response) => {
		const match = /^\/events\/(\d+)$/.exec(request.url ?? '');
		const html = match ? renderEventPage(ceiling, Number(match[1])) : null;
		if (request.url === '/healthz') {
			response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
		} else if (html === null) {
			response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
		} else {
			// Compressed when the client accepts it, as the app's answers are to be (issue 16 item 3).
			const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
			const headers = { 'content-type': 'text/html; charset=utf-8', vary: 'accept-encoding' };
			if (gzip) response.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(gzipSync(html));
			else response.writeHead(200, headers).end(html);
		}
	});
	server.listen(port, host);
	return server;
}

if (import.meta.filename === process.argv[1]) {
	const { values } = parseArgs({ options: { database: { type: 'string' }, port: { type: 'string' } } });
	if (!values.database || !values.port) {
		console.error('Usage: node scripts/bench-http/ceiling.ts --database <sqlite file> --port <port>');
		process.exit(2);
	}
	serveCeiling(values.database, Number(values.port));
	process.on('SIGTERM', () => process.exit(0));
}
