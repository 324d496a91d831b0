/**
 * The agreements of the demo data set: the five that seed [004], the SMS's international cooperation
 * page, names. Dates are those the seed gives; where it says an agreement was signed but not when, it is
 * recorded as signed on a date not known.
 */
import type { DemoAgreement } from './types';

export const agreements = [
	// "signed on December 8, 2016 in Geneva … approved with the Decree of the President of the Republic of
	// Azerbaijan dated February 23, 2017 and entered into force from March 2, 2017".
	{
		key: 'sms-iom-voluntary-return',
		title:
			'Cooperation Agreement between State Migration Service of the Republic of Azerbaijan and ' +
			'International Organization for Migration on Pilot Project on Assistance for the Voluntary Return ' +
			'of Migrants from Azerbaijan',
		summary:
			'A pilot project on assistance for the voluntary return of migrants from Azerbaijan, run by the ' +
			'State Migration Service with IOM.',
		parties: ['sms', 'iom'],
		signedOn: '2016-12-08',
		signedPlace: 'Geneva',
		signedEvent: 'sms-iom-signing-2016',
		approvedOn: '2017-02-23',
		approvalAct: 'Decree of the President of the Republic of Azerbaijan of 23 February 2017',
		inForceOn: '2017-03-02'
	},
	// "signing of 'Agreement between the European Union and the Republic of Azerbaijan on the facilitation
	// of the issuance of visas' in November 29, 2013".
	{
		key: 'eu-visa-facilitation',
		title:
			'Agreement between the European Union and the Republic of Azerbaijan on the facilitation of the ' +
			'issuance of visas',
		parties: ['eu', 'az-government'],
		signedOn: '2013-11-29'
	},
	// "… on the readmission of persons residing without authorization" on February 28, 2014.
	{
		key: 'eu-readmission',
		title:
			'Agreement between the European Union and the Republic of Azerbaijan on the readmission of persons ' +
			'residing without authorization',
		parties: ['eu', 'az-government'],
		signedOn: '2014-02-28'
	},
	// Named with the two above among the steps signed with the EU; no date given.
	{
		key: 'eu-mobility-partnership',
		title:
			'Joint Declaration on a Mobility Partnership between the Republic of Azerbaijan and the European ' +
			'Union and its participating Member States',
		summary: 'The source names it among the steps signed with the EU but gives no date.',
		parties: ['eu', 'az-government'],
		signedUndated: true
	},
	// "With signing of 'Cooperation agreement between the Government of the Republic of Azerbaijan and
	// International Centre for Migration Policy Development (ICMPD)' contacts between parties entered new
	// stage"; no date given.
	{
		key: 'icmpd-cooperation',
		title: 'Cooperation agreement between the Government of the Republic of Azerbaijan and ICMPD',
		summary:
			'Cooperation agreement between the Government of the Republic of Azerbaijan and the International ' +
			'Centre for Migration Policy Development (ICMPD), with which contacts between the parties entered a ' +
			'new stage. The source gives no date of signature.',
		parties: ['icmpd', 'az-government'],
		signedUndated: true
	}
] as const satisfies readonly DemoAgreement[];

export type AgreementKey = (typeof agreements)[number]['key'];
