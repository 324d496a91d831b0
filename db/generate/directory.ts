/**
 * The generated directory: organisations in trees (home ministries with departments, foreign
 * ministries, international organisations, one umbrella over many), venues in many zones, people in
 * three scripts, and series of recurring events. Everything later refers to these by id.
 */
import type { OrganizationKind } from '../../src/lib/vocabulary';
import type { Ancestry } from '../../src/lib/server/dossier/dossier.entries';
import type { Random } from './random';
import {
	CITIES,
	DEPARTMENTS,
	FAMILY_NAMES_AZ,
	FAMILY_NAMES_LATIN,
	GIVEN_NAMES_AZ,
	GIVEN_NAMES_LATIN,
	HOME_CITY,
	HONORIFICS,
	INTERNATIONAL_ORGANIZATIONS,
	NAMES_CYRILLIC,
	POSITIONS,
	ROOT_ORGANIZATIONS,
	SUBJECTS,
	type City
} from './words';

export interface GeneratedOrganization {
	id: number;
	name: string;
	acronym: string | null;
	kind: OrganizationKind;
	countryCode: string | null;
	city: string | null;
	parentId: number | null;
	depth: number;
	/** Ours (the home government's) or a partner's. */
	home: boolean;
	/** Which script its people's names are in. */
	names: 'az' | 'latin' | 'cyrillic';
}

export interface GeneratedPerson {
	id: number;
	honorific: string | null;
	givenName: string;
	familyName: string;
	nativeName: string | null;
	position: string;
	rank: string | null;
	precedence: number | null;
	organizationId: number;
	headsOrganization: boolean;
}

export interface GeneratedVenue {
	id: number;
	name: string;
	city: City;
}

export interface GeneratedSeries {
	id: number;
	name: string;
	kind: string;
	hostId: number;
	partnerId: number;
}

export interface Directory {
	organizations: GeneratedOrganization[];
	/** Home organisations and partners, for picking a meeting's two sides. */
	homeIds: number[];
	partnerIds: number[];
	/** The umbrella with a big dossier, and the organisations under it. */
	umbrellaId: number;
	umbrellaTree: number[];
	ancestries: Ancestry[];
	people: GeneratedPerson[];
	peopleOf: Map<number, number[]>;
	venues: GeneratedVenue[];
	venuesIn: Map<string, GeneratedVenue[]>;
	series: GeneratedSeries[];
	/** The person who attends ~10 000 events. */
	heavyPersonId: number;
}

const CIS = new Set(['RU', 'UA', 'BY', 'KZ', 'KG', 'UZ']);

export function generateDirectory(
	random: Random,
	scale: { organizations: number; people: number; series: number }
): Directory {
	const organizations: GeneratedOrganization[] = [];
	const add = (o: Omit<GeneratedOrganization, 'id' | 'depth'>) => {
		const parent = o.parentId ? organizations[o.parentId - 1] : undefined;
		const org = { ...o, id: organizations.length + 1, depth: parent ? parent.depth + 1 : 0 };
		organizations.push(org);
		return org;
	};
	// The roots: home ministries, international organisations, a foreign ministry per country.
	for (const [name, acronym, kind] of ROOT_ORGANIZATIONS) {
		const home = kind !== 'diplomatic_mission';
		add({
			name: home ? `${name} of the Republic of Azerbaijan` : `${name} of the Kingdom of Norway in Baku`,
			acronym: home ? `${acronym}-AZ` : acronym,
			kind,
			countryCode: home ? 'AZ' : 'NO',
			city: 'Baku',
			parentId: null,
			home,
			names: home ? 'az' : 'latin'
		});
	}
	for (const [name, acronym, kind] of INTERNATIONAL_ORGANIZATIONS) {
		add({
			name,
			acronym,
			kind,
			countryCode: null,
			city: 'Geneva',
			parentId: null,
			home: false,
			names: 'latin'
		});
	}
	const countries = [...new Map(CITIES.filter((c) => c[1] !== 'AZ').map((c) => [c[1], c])).values()];
	for (const [city, code, , country] of countries) {
		add({
			name: `Ministry of Foreign Affairs of ${country}`,
			acronym: `MFA-${code}`,
			kind: 'government_body',
			countryCode: code,
			city,
			parentId: null,
			home: false,
			names: CIS.has(code) ? 'cyrillic' : 'latin'
		});
	}
	// The umbrella: the European Union's root, with twenty bodies under it.
	const umbrella = organizations.find((o) => o.acronym === 'EU')!;
	const umbrellaChildren = ['Commission', 'External Action Service', 'Delegation to Azerbaijan', 'Council'];
	for (let k = 0; k < 20 && organizations.length < scale.organizations; k++) {
		add({
			name: `${umbrellaChildren[k % umbrellaChildren.length]} ${k < 4 ? '' : `unit ${k}`}`.trim() + ' (EU)',
			acronym: `EU-${k + 1}`,
			kind: 'international_organization',
			countryCode: k % 4 === 2 ? 'AZ' : 'BE',
			city: k % 4 === 2 ? 'Baku' : 'Brussels',
			parentId: umbrella.id,
			home: false,
			names: 'latin'
		});
	}
	// The rest: departments under any organisation at most two deep.
	while (organizations.length < scale.organizations) {
		let parent = random.pick(organizations);
		while (parent.depth >= 2) parent = organizations[parent.parentId! - 1]!;
		const department = random.pick(DEPARTMENTS);
		add({
			name: `${department} ${organizations.length}, ${parent.acronym ?? parent.name}`,
			acronym: null,
			kind: parent.kind,
			countryCode: parent.countryCode,
			city: parent.city,
			parentId: parent.id,
			home: parent.home,
			names: parent.names
		});
	}
	const ancestries: Ancestry[] = [];
	for (const org of organizations) {
		let at: GeneratedOrganization | undefined = org;
		for (let depth = 0; at; depth++) {
			ancestries.push({ organization_id: org.id, ancestor_id: at.id, depth });
			at = at.parentId ? organizations[at.parentId - 1] : undefined;
		}
	}
	const umbrellaTree = ancestries.filter((a) => a.ancestor_id === umbrella.id).map((a) => a.organization_id);

	// People: about half at home. The first is the office's busiest officer, with a name of their own.
	const people: GeneratedPerson[] = [];
	const peopleOf = new Map<number, number[]>();
	const homeOrgs = organizations.filter((o) => o.home);
	for (let i = 0; i < scale.people; i++) {
		const org =
			i === 0 ? homeOrgs[0]! : random.chance(0.5) ? random.pick(homeOrgs) : random.pick(organizations);
		const [position, rank, precedence] = random.pick(POSITIONS);
		const person: GeneratedPerson = {
			id: i + 1,
			honorific: random.pick(HONORIFICS),
			givenName: '',
			familyName: '',
			nativeName: null,
			position,
			rank,
			precedence,
			organizationId: org.id,
			headsOrganization: false
		};
		if (i === 0) {
			Object.assign(person, { givenName: 'Şəhriyar', familyName: 'Qaraxanlı', position: 'Protocol Officer' });
		} else if (org.names === 'az') {
			person.givenName = random.pick(GIVEN_NAMES_AZ);
			person.familyName = random.pick(FAMILY_NAMES_AZ);
			if (random.chance(0.1)) person.nativeName = cyrillicOf(random);
		} else if (org.names === 'cyrillic') {
			const [given, family, latinGiven, latinFamily] = random.pick(NAMES_CYRILLIC);
			Object.assign(person, {
				givenName: latinGiven,
				familyName: latinFamily,
				nativeName: `${given} ${family}`
			});
		} else {
			person.givenName = random.pick(GIVEN_NAMES_LATIN);
			person.familyName = random.pick(FAMILY_NAMES_LATIN);
		}
		const list = peopleOf.get(org.id) ?? [];
		if (list.length === 0 && position === 'Minister') person.headsOrganization = true;
		list.push(person.id);
		peopleOf.set(org.id, list);
		people.push(person);
	}

	const venues: GeneratedVenue[] = [];
	const venuesIn = new Map<string, GeneratedVenue[]>();
	for (const city of CITIES) {
		const count = city === HOME_CITY ? 12 : 2;
		for (let k = 0; k < count; k++) {
			const venue = { id: venues.length + 1, name: `${venueName(k)}, ${city[0]}`, city };
			venues.push(venue);
			venuesIn.set(city[0], [...(venuesIn.get(city[0]) ?? []), venue]);
		}
	}

	const homeIds = homeOrgs.map((o) => o.id);
	const partnerIds = organizations.filter((o) => !o.home).map((o) => o.id);
	const series: GeneratedSeries[] = [];
	for (let k = 0; k < scale.series; k++) {
		const partner = organizations[random.pick(partnerIds) - 1]!;
		const subject = random.pick(SUBJECTS);
		const kind = random.pick([
			'council_session',
			'multilateral_meeting',
			'bilateral_meeting',
			'forum',
			'training'
		]);
		series.push({
			id: k + 1,
			name: `${capitalise(subject)} dialogue with ${partner.acronym ?? partner.name} (${k + 1})`,
			kind,
			hostId: random.pick(homeIds),
			partnerId: partner.id
		});
	}
	return {
		organizations,
		homeIds,
		partnerIds,
		umbrellaId: umbrella.id,
		umbrellaTree,
		ancestries,
		people,
		peopleOf,
		venues,
		venuesIn,
		series,
		heavyPersonId: 1
	};
}

function cyrillicOf(random: Random): string {
	const [given, family] = random.pick(NAMES_CYRILLIC);
	return `${given} ${family}`;
}

function venueName(k: number): string {
	return (
		[
			'Ministry building, Hall A',
			'Conference centre',
			'Guest house',
			'Hotel ballroom',
			'Parliament, Room 3',
			'University auditorium'
		][k % 6]! + (k >= 6 ? ` ${Math.floor(k / 6) + 1}` : '')
	);
}

export function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
