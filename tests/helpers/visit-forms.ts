/** The visit form and the programme item form as a browser without JavaScript posts them, valid as given. */

/** A two-day working visit in Baku's zone; `values` replace any field. */
export const visitForm = (values: Record<string, string>) => ({
	title: 'Working visit of the Director General of IOM',
	kind: 'working',
	organizationId: '',
	hostOrganizationId: '',
	memberIds: '',
	startsOn: '2017-02-01',
	endsOn: '2017-02-02',
	timeZone: 'Asia/Baku',
	timing: 'exact',
	notes: '',
	version: '',
	...values
});

/** A dinner for the whole delegation on the demo visit's day; `values` replace any field. */
export const itemForm = (values: Record<string, string>) => ({
	kind: 'meal',
	eventId: '',
	title: 'Official dinner',
	start: '2017-01-16T19:00',
	end: '2017-01-16T21:00',
	timeZone: 'Asia/Baku',
	place: 'Gulustan Palace',
	forEveryone: 'on',
	timing: 'exact',
	version: '',
	...values
});
