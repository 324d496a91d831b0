/**
 * Reading a list of participants from CSV, and planning what importing it would do: pure functions, no
 * database. The service looks up what the file names (organisations, people, sides) in a fixed number of
 * queries and hands the answers to `planImport`, for the preview and again, from the posted text, when
 * the officer confirms.
 */
import { m } from '../../paraglide/messages.js';
import { parse } from 'csv-parse/sync';
import { interfaceLocales, participantRoles, type ParticipantRole } from '../../vocabulary';
import { PersonCreateInput } from '../people/person.input';

export const MAX_IMPORT_ROWS = 1000;

/** The columns a file may have, and the headings that name each (compared without case or punctuation). */
const COLUMN_NAMES = {
	honorific: ['honorific', 'title', 'salutation'],
	givenName: ['given_name', 'given', 'first_name', 'firstname', 'forename'],
	familyName: ['family_name', 'family', 'last_name', 'lastname', 'surname'],
	nativeName: ['native_name', 'name_in_own_script', 'native'],
	organization: ['organisation', 'organization', 'org', 'institution'],
	position: ['position', 'job_title', 'function'],
	rank: ['rank'],
	email: ['email', 'e_mail', 'mail'],
	phone: ['phone', 'telephone', 'tel'],
	role: ['role'],
	delegation: ['delegation', 'side']
} as const;

export type ImportColumn = keyof typeof COLUMN_NAMES;
export const IMPORT_COLUMNS = Object.keys(COLUMN_NAMES) as ImportColumn[];

const normaliseHeading = (heading: string) =>
	heading
		.trim()
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_|_$/g, '');

const COLUMN_BY_HEADING = new Map<string, ImportColumn>(
	IMPORT_COLUMNS.flatMap((column) => COLUMN_NAMES[column].map((name) => [name, column] as const))
);

export interface CsvRecord {
	/** Line of the file the record starts on, counting the heading as line 1. */
	line: number;
	fields: Partial<Record<ImportColumn, string>>;
}

export interface ParsedCsv {
	records: CsvRecord[];
	/** Problems with the file as a whole: it cannot be read, or lacks a column every row needs. */
	fileErrors: string[];
	/** Headings that name no column we know: their values are not imported. */
	ignoredHeadings: string[];
}

/**
 * Semicolons separate fields when the heading line has more of them than commas (spreadsheets set to a
 * European locale save CSV that way); quotes are honoured while counting.
 */
function delimiterOf(text: string): ',' | ';' {
	const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
	const unquoted = firstLine.replace(/"[^"]*"/g, '');
	const count = (c: string) => unquoted.split(c).length - 1;
	return count(';') > count(',') ? ';' : ',';
}

export function parseParticipantCsv(text: string): ParsedCsv {
	let rows: string[][];
	try {
		rows = parse(text, {
			bom: true,
			delimiter: delimiterOf(text),
			relax_column_count: true,
			skip_empty_lines: true,
			trim: true
		}) as string[][];
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return { records: [], fileErrors: [m.participants_import_unreadable({ reason })], ignoredHeadings: [] };
	}
	const [heading, ...body] = rows;
	if (!heading) return { records: [], fileErrors: [m.participants_import_empty()], ignoredHeadings: [] };
	const columns = heading.map((h) => COLUMN_BY_HEADING.get(normaliseHeading(h)) ?? null);
	const fileErrors: string[] = [];
	if (!columns.includes('givenName') || !columns.includes('familyName')) {
		fileErrors.push(
			m.participants_import_no_heading({
				found: heading.join(', ') || m.participants_import_nothing()
			})
		);
	}
	if (body.length > MAX_IMPORT_ROWS) {
		fileErrors.push(m.participants_import_too_many({ max: MAX_IMPORT_ROWS, count: body.length }));
	}
	const ignoredHeadings = heading.filter((h, i) => columns[i] === null && h.trim() !== '');
	// csv-parse counts lines itself, but only per record; quoted line breaks are rare in such lists, so the
	// record's position (heading = line 1) is what a person scanning the file expects.
	const records = body.slice(0, MAX_IMPORT_ROWS).map((cells, index) => {
		const fields: CsvRecord['fields'] = {};
		cells.forEach((cell, i) => {
			const column = columns[i];
			if (column && cell !== '' && fields[column] === undefined) fields[column] = cell;
		});
		return { line: index + 2, fields };
	});
	return { records, fileErrors, ignoredHeadings };
}

/** What the database says about the names in a file. */
export interface ImportLookups {
	organizations: { id: number; name: string; acronym: string | null }[];
	people: {
		id: number;
		honorific: string | null;
		given_name: string;
		family_name: string;
		email: string | null;
		organization_id: number | null;
		position: string | null;
		rank: string | null;
	}[];
	/** People at the event already. */
	invitedPersonIds: Set<number>;
	delegations: { id: number; name: string }[];
	/** Other events the people found are booked at, as notes by person id. */
	clashNotes: Map<number, string[]>;
}

/**
 * What the file names, for the lookups: organisations, e-mails and family names, each as written and in
 * lower case (SQLite's lower() folds only ASCII, so "Əliyeva" is found by the spelling as written).
 */
export function namesInFile(parsed: ParsedCsv) {
	const spellings = (values: (string | undefined)[]) => {
		const written = values.filter((v): v is string => Boolean(v));
		return [...new Set([...written, ...written.map((v) => v.toLowerCase())])];
	};
	return {
		organizations: spellings(parsed.records.map((r) => r.fields.organization)),
		emails: spellings(parsed.records.map((r) => r.fields.email)),
		familyNames: spellings(parsed.records.map((r) => r.fields.familyName))
	};
}

export type ImportAction = 'create' | 'link' | 'skip' | 'error';

export interface ImportRowPlan {
	line: number;
	/** As the file gives it: "Mr Ilham Mammadov". */
	name: string;
	organization: string | null;
	email: string | null;
	roleLabel: string | null;
	delegation: string | null;
	action: ImportAction;
	errors: string[];
	notes: string[];
	/** For action 'create': the person to add. */
	person?: PersonCreateInput;
	/** For action 'link': who in the directory. */
	personId?: number;
	role: ParticipantRole;
	organizationId: number | null;
	positionAtEvent: string | null;
	rankAtEvent: string | null;
	/** The side by name; a name the event does not have yet is created. */
	delegationName: string | null;
}

export interface ImportPlan {
	rows: ImportRowPlan[];
	fileErrors: string[];
	ignoredHeadings: string[];
	/** Sides the import would add. */
	newDelegations: string[];
	counts: Record<ImportAction, number>;
	/** No problem anywhere, and something to save. */
	ready: boolean;
}

// A role is read by its code or its label in any of the interface's languages.
const ROLE_BY_WORD = new Map<string, ParticipantRole>(
	participantRoles.values.flatMap((role) => [
		[normaliseHeading(role), role] as const,
		...interfaceLocales.values.map(
			(locale) => [normaliseHeading(participantRoles.labelIn(role, locale)), role] as const
		)
	])
);
const DEFAULT_ROLE: ParticipantRole = 'delegation_member';

/** The person form's names of the fields, read in the reader's language. */
const FIELD_LABELS: Record<string, () => string> = {
	honorific: m.person_field_honorific,
	givenName: m.person_field_given_name,
	familyName: m.person_field_family_name,
	nativeName: m.person_field_native_name,
	rank: m.person_field_rank,
	position: m.person_field_position,
	email: m.person_field_email,
	phone: m.person_field_phone
};

/** Decides, row by row, what importing the file would do and what stops it. */
export function planImport(parsed: ParsedCsv, lookups: ImportLookups): ImportPlan {
	const organizationByName = new Map<string, ImportLookups['organizations'][number]>();
	for (const o of lookups.organizations) {
		if (o.acronym) organizationByName.set(o.acronym.toLowerCase(), o);
	}
	// Full names win over acronyms that happen to match another body's name.
	for (const o of lookups.organizations) organizationByName.set(o.name.toLowerCase(), o);
	const delegationByName = new Map(lookups.delegations.map((d) => [d.name.toLowerCase(), d]));
	const newDelegations = new Map<string, string>();
	const seenPeople = new Map<string, number>();
	const headsBySide = new Map<string, number>();

	const rows = parsed.records.map((record): ImportRowPlan => {
		const f = record.fields;
		const errors: string[] = [];
		const notes: string[] = [];
		const name =
			[f.honorific, f.givenName, f.familyName].filter(Boolean).join(' ') || m.participants_import_no_name();

		const person = PersonCreateInput.safeParse({
			honorific: f.honorific,
			givenName: f.givenName ?? '',
			familyName: f.familyName ?? '',
			nativeName: f.nativeName,
			rank: f.rank,
			position: f.position,
			email: f.email,
			phone: f.phone
		});
		if (!person.success) {
			for (const issue of person.error.issues) {
				const field = String(issue.path[0] ?? '');
				const message =
					field === 'givenName' && !f.givenName
						? m.participants_import_given_missing()
						: field === 'familyName' && !f.familyName
							? m.participants_import_family_missing()
							: field === 'email'
								? m.participants_import_bad_email({ email: f.email ?? '' })
								: m.participants_import_field_problem({
										field: FIELD_LABELS[field]?.() ?? field,
										problem: issue.message
									});
				if (!errors.includes(message)) errors.push(message);
			}
		}

		let organizationId: number | null = null;
		if (f.organization) {
			const organization = organizationByName.get(f.organization.toLowerCase());
			if (organization) organizationId = organization.id;
			else errors.push(m.participants_import_unknown_organisation({ organisation: f.organization }));
		}

		let role = DEFAULT_ROLE;
		if (f.role) {
			const found = ROLE_BY_WORD.get(normaliseHeading(f.role));
			if (found) role = found;
			else
				errors.push(
					m.participants_import_unknown_role({
						role: f.role,
						roles: participantRoles.values.map((r) => participantRoles.labels[r]).join(', ')
					})
				);
		}

		const delegationName = f.delegation ?? null;
		if (delegationName) {
			const key = delegationName.toLowerCase();
			if (delegationName.length > 200) errors.push(m.participants_import_delegation_too_long());
			else if (!delegationByName.has(key) && !newDelegations.has(key))
				newDelegations.set(key, delegationName);
			if (role === 'head_of_delegation') {
				const other = headsBySide.get(key);
				if (other) errors.push(m.participants_import_head_twice({ line: other, delegation: delegationName }));
				else headsBySide.set(key, record.line);
			}
		} else if (role === 'head_of_delegation') {
			errors.push(m.participants_import_head_needs_delegation());
		}

		// Who this is in the directory: the same e-mail, or else the only person of the same name.
		const email = f.email?.trim().toLowerCase() || null;
		const given = f.givenName?.trim().toLowerCase();
		const family = f.familyName?.trim().toLowerCase();
		let match = email ? lookups.people.find((p) => p.email?.toLowerCase() === email) : undefined;
		let matchedBy: 'e-mail' | 'name' = 'e-mail';
		if (!match && given && family) {
			const sameName = lookups.people.filter(
				(p) => p.given_name.toLowerCase() === given && p.family_name.toLowerCase() === family
			);
			if (sameName.length === 1) {
				match = sameName[0];
				matchedBy = 'name';
			} else if (sameName.length > 1 && !email) {
				errors.push(
					m.participants_import_same_name({
						count: sameName.length,
						name: `${f.givenName} ${f.familyName}`
					})
				);
			}
		}

		const key = match ? `id:${match.id}` : `name:${given}|${family}|${email ?? ''}`;
		const firstLine = seenPeople.get(key);
		if (firstLine !== undefined && given && family) {
			errors.push(m.participants_import_same_person({ line: firstLine }));
		} else if (given && family) {
			seenPeople.set(key, record.line);
		}

		let action: ImportAction;
		if (errors.length > 0) action = 'error';
		else if (match && lookups.invitedPersonIds.has(match.id)) {
			action = 'skip';
			notes.push(m.participants_import_invited_already());
		} else if (match) {
			action = 'link';
			const invitee = [match.honorific, match.given_name, match.family_name].filter(Boolean).join(' ');
			notes.push(
				(matchedBy === 'name' ? m.participants_import_match_name : m.participants_import_match_email)({
					name: invitee
				})
			);
			notes.push(...(lookups.clashNotes.get(match.id) ?? []));
		} else action = 'create';
		if (delegationName && newDelegations.has(delegationName.toLowerCase()) && action !== 'error') {
			notes.push(m.participants_import_new_delegation({ delegation: delegationName }));
		}

		const personData = person.success ? { ...person.data, organizationId } : undefined;
		return {
			line: record.line,
			name,
			organization: f.organization ?? null,
			email: f.email ?? null,
			roleLabel: f.role ? participantRoles.labels[role] : null,
			delegation: delegationName,
			action,
			errors,
			notes,
			person: action === 'create' ? personData : undefined,
			personId: action === 'link' || action === 'skip' ? match?.id : undefined,
			role,
			organizationId: organizationId ?? match?.organization_id ?? null,
			positionAtEvent: personData?.position ?? match?.position ?? null,
			rankAtEvent: personData?.rank ?? match?.rank ?? null,
			delegationName
		};
	});

	const counts: Record<ImportAction, number> = { create: 0, link: 0, skip: 0, error: 0 };
	for (const row of rows) counts[row.action] += 1;
	const usedNew = new Set(
		rows
			.filter((r) => r.action === 'create' || r.action === 'link')
			.map((r) => r.delegationName?.toLowerCase())
	);
	const fileErrors = [...parsed.fileErrors];
	if (parsed.records.length === 0 && fileErrors.length === 0) fileErrors.push(m.participants_import_nobody());
	return {
		rows,
		fileErrors,
		ignoredHeadings: parsed.ignoredHeadings,
		newDelegations: [...newDelegations.entries()].filter(([key]) => usedNew.has(key)).map(([, name]) => name),
		counts,
		ready: fileErrors.length === 0 && counts.error === 0 && counts.create + counts.link > 0
	};
}
