/**
 * The forms' choosers: records found by a few typed letters of any word of their name (in any script:
 * the words' spelling keys are searched too), the chosen records named, and what a form submitted
 * resolved to ids. A chooser never reads a whole table: every search is one or two ranges of
 * chooser_word's primary key, bounded by a limit, and then the few rows found.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../audit/audit';
import type { ChooserKind, Database } from '../db/schema';
import { refreshSearchIndex } from '../search/search.service';
import { foldWords, nameKey, parseQuery, spellingKey } from '../search/search.text';
import {
	findChooserCandidates,
	listCorrespondenceChoiceRows,
	listOrganizationChoiceRows,
	listPersonChoiceRows,
	listVenueChoiceRows,
	type WordRange
} from './chooser.repository';
import {
	choiceNouns,
	correspondenceChoice,
	organizationChoice,
	personChoice,
	venueChoice,
	type Choosable,
	type ChoiceView,
	type NamedChoices
} from './chooser.view';

export type { ChoiceView, NamedChoices } from './chooser.view';

/** The most a chooser offers as one types. */
export const CHOICES_SHOWN = 20;
/** The most records a typed name is compared with when a form is submitted without a choice. */
const CANDIDATES_COMPARED = 200;
/** The most candidates listed beside a field whose text named several. */
const CANDIDATES_LISTED = 10;

const READERS: Record<ChooserKind, (db: Kysely<Database>, ids: readonly number[]) => Promise<Choosable[]>> = {
	organization: async (db, ids) => (await listOrganizationChoiceRows(db, ids)).map(organizationChoice),
	person: async (db, ids) => (await listPersonChoiceRows(db, ids)).map(personChoice),
	correspondence: async (db, ids) => (await listCorrespondenceChoiceRows(db, ids)).map(correspondenceChoice),
	venue: async (db, ids) => (await listVenueChoiceRows(db, ids)).map(venueChoice)
};

/** An id the integer columns of both engines can hold (as the routes' `id` matcher). */
const isId = (value: string) => /^[1-9][0-9]{0,9}$/.test(value) && Number(value) <= 2_147_483_647;

/** The records of these ids, in the order given; ids of no record are left out. */
async function readChoosable(db: Kysely<Database>, kind: ChooserKind, ids: readonly number[]) {
	const unique = [...new Set(ids)];
	const byId = new Map((await READERS[kind](db, unique)).map((c) => [c.view.id, c]));
	return unique.flatMap((id) => byId.get(id) ?? []);
}

/** The chosen records by name, for a form that shows them (only those rows are read). */
export async function getChoices(
	db: Kysely<Database>,
	kind: ChooserKind,
	ids: readonly (number | string | null | undefined)[]
): Promise<ChoiceView[]> {
	const numeric = ids.map(String).filter(isId).map(Number);
	return (await readChoosable(db, kind, numeric)).map((c) => c.view);
}

/**
 * The records some form values name, by kind, for the form's choosers: ids as the forms hold them, one
 * a value or comma-separated. One query a kind, of those rows only.
 */
export async function getNamedChoices(
	db: Kysely<Database>,
	wanted: Partial<Record<ChooserKind, readonly (string | number | null | undefined)[]>>
): Promise<NamedChoices> {
	const kinds = Object.entries(wanted) as [ChooserKind, (string | number | null | undefined)[]][];
	const named = await Promise.all(
		kinds.map(([kind, values]) =>
			getChoices(
				db,
				kind,
				values.flatMap((value) => String(value ?? '').split(','))
			)
		)
	);
	return Object.fromEntries(kinds.map(([kind], i) => [kind, named[i]!]));
}

/** The words starting with `prefix`: [prefix, prefix with its last character one higher). */
function prefixRange(prefix: string): WordRange {
	const last = prefix.codePointAt(prefix.length - 1)!;
	const head = prefix.slice(0, prefix.length - (last > 0xffff ? 2 : 1));
	return { from: prefix, to: head + String.fromCodePoint(last + 1) };
}

/** A typed token as word ranges: its folded spelling, and its spelling key where that differs. */
function rangesOf(token: string): WordRange[] {
	const key = spellingKey(token);
	return key === token || key === '' ? [prefixRange(token)] : [prefixRange(token), prefixRange(key)];
}

/**
 * Records whose words start with every typed word, as few as `limit`: the longest typed word is looked
 * up through the index, the others checked per record found.
 */
async function findCandidates(db: Kysely<Database>, kind: ChooserKind, text: string, limit: number) {
	return readChoosable(db, kind, await findCandidateIds(db, kind, text, limit));
}

/** The ids of those records, `limit` at most, each once, in the index's order. */
async function findCandidateIds(db: Kysely<Database>, kind: ChooserKind, text: string, limit: number) {
	const tokens = [...new Set(parseQuery(text).flat())].sort((a, b) => b.length - a.length);
	if (tokens.length === 0) return [];
	const [probe, ...others] = tokens as [string, ...string[]];
	await refreshSearchIndex(db);
	const ids = await findChooserCandidates(db, kind, rangesOf(probe), others.map(rangesOf), limit);
	return [...new Set(ids)].slice(0, limit);
}

/**
 * People having a word of their name (Latin or their own script, folded: "celebi" finds Çələbi) that starts
 * with each word typed, `limit` at most: for the pages that find someone to invite or to give a part,
 * through the choosers' index, so that a search never reads the whole directory.
 */
export function findPersonIdsByName(db: Kysely<Database>, text: string, limit: number): Promise<number[]> {
	return findCandidateIds(db, 'person', text, limit);
}

/**
 * What a chooser offers for the text typed so far: at most 20 records having a word that starts with each
 * typed word. Any signed-in user may look (the hooks' guard); the pages that show these records to them
 * are read by every role.
 */
export async function searchChoices(
	db: Kysely<Database>,
	_actor: Actor,
	kind: ChooserKind,
	text: string
): Promise<ChoiceView[]> {
	return (await findCandidates(db, kind, text, CHOICES_SHOWN)).map((c) => c.view);
}

const folded = (text: string) => foldWords(text).join(' ');

/** The typed text is this record's name: the same words, whatever the case, marks or script. */
function isNamed(choosable: Choosable, text: string): boolean {
	const typed = folded(text);
	const typedKey = nameKey(text);
	if (typed === '') return false;
	return [choosable.view.label, ...choosable.names].some(
		(name) => name !== null && (folded(name) === typed || nameKey(name) === typedKey)
	);
}

/** How one field of a form is chosen. */
export interface ChooserField {
	kind: ChooserKind;
	/** Several records (hosts, parties): each chosen id is one value of the field. */
	multiple?: boolean;
}

/** What a chooser shows again after a refusal: what is chosen, what was typed, what to pick from. */
export interface ChooserState {
	chosen: ChoiceView[];
	text: string;
	candidates: ChoiceView[];
}

export interface ChooserResolution {
	/** Messages by field name, for those whose text named no record or several. */
	errors: Record<string, string>;
	choosers: Record<string, ChooserState>;
}

/** The name of the text input beside a chooser's field. */
const textFieldOf = (name: string) => `${name}Text`;
/** The name of the candidates' radio buttons beside a chooser's field, after a refusal. */
const pickFieldOf = (name: string) => `${name}Pick`;

/**
 * Turns what a form submitted for its choosers into ids, in place in `form`: for each field, an id a
 * candidate was picked by; else the id the chooser set, while the text beside it still names that
 * record; else the record the typed text names exactly, when it names one. An emptied text chooses
 * nothing. Text naming none or several records is a message beside its field, with the records found
 * to pick from. A field sent without its text input (a client of its own) is left as sent. A list's
 * filter form (GET) is resolved the same way, from a copy of its query.
 */
export async function resolveChosen(
	db: Kysely<Database>,
	form: FormData | URLSearchParams,
	fields: Record<string, ChooserField>
): Promise<ChooserResolution> {
	const resolution: ChooserResolution = { errors: {}, choosers: {} };
	for (const [name, { kind, multiple = false }] of Object.entries(fields)) {
		const sent = form.getAll(name).map(String);
		const picked = form.getAll(pickFieldOf(name)).map(String).filter(isId);
		const textValue = form.get(textFieldOf(name));
		const text = typeof textValue === 'string' ? textValue.trim() : '';
		const hasText = typeof textValue === 'string';

		let ids = sent.filter((value) => value !== '');
		if (!multiple) {
			if (picked.length > 0) ids = [picked[0]!];
			else if (hasText && text === '') ids = ids.filter((value) => !isId(value));
			else if (hasText) {
				const [current] = await readChoosable(db, kind, ids.filter(isId).map(Number).slice(0, 1));
				ids = current && isNamed(current, text) ? [String(current.view.id)] : [];
			}
		} else ids = [...ids, ...picked];

		let candidates: ChoiceView[] = [];
		// A candidate picked answers the text it was listed for.
		const needsText = hasText && text !== '' && picked.length === 0 && (multiple || ids.length === 0);
		if (needsText) {
			const found = await findCandidates(db, kind, text, CANDIDATES_COMPARED);
			const named = found.filter((c) => isNamed(c, text));
			if (named.length === 1) ids = [...(multiple ? ids : []), String(named[0]!.view.id)];
			else {
				const noun = choiceNouns[kind];
				candidates = (named.length > 1 ? named : found).slice(0, CANDIDATES_LISTED).map((c) => c.view);
				resolution.errors[name] =
					named.length > 1
						? `Several ${noun.many} are named “${text.slice(0, 100)}”: choose one below.`
						: candidates.length > 0
							? `No ${noun.one} is named exactly “${text.slice(0, 100)}”: choose one below, or type the whole name.`
							: `No ${noun.one} is named “${text.slice(0, 100)}”. Check the spelling, or type fewer letters.`;
			}
		}
		ids = [...new Set(ids)];
		form.delete(name);
		for (const id of ids) form.append(name, id);
		const chosen = await getChoices(db, kind, ids);
		resolution.choosers[name] = {
			chosen,
			text: resolution.errors[name] ? text : multiple ? '' : (chosen[0]?.label ?? ''),
			candidates
		};
	}
	return resolution;
}
