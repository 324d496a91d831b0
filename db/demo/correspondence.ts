/**
 * Correspondence of the demo data set: seed [000], the letter No 09/1502 of the Chief of the SMS to the
 * Director General of IOM and the note verbale Ref 0451/13/21/26 of the Permanent Mission in Geneva that
 * transmitted it. Both led to Azerbaijan taking part as a "Champion country": the initiative was the
 * subject of a speech at International Migrants Day 2021 [002], and Azerbaijan took part in the IMRF 2022
 * as one of the 33 Champion Countries [003].
 *
 * The office is the State Migration Service's: its Chief's letter went out, and so did the note verbale
 * of its Permanent Mission that carried the letter to IOM ("has the honour to transmit herewith the copy
 * of the enclosed letter"; "Enclosure: 2 pages").
 */
import type { DemoCorrespondence } from './types';

export const correspondence = [
	// [000] the enclosed letter, dated "02" 09 2021, № 09/1502.
	{
		key: 'letter-09-1502',
		kind: 'letter',
		direction: 'outgoing',
		referenceNumber: '09/1502',
		datedOn: '2021-09-02',
		place: 'Baku',
		sender: 'sms',
		recipient: 'iom',
		signatory: 'huseynov',
		addressee: 'vitorino',
		subject: 'Azerbaijan\'s intent to join the "Champion countries" initiative',
		summary: [
			'The Chief of the State Migration Service thanks IOM for the invitation to join the "Champion ' +
				'countries" initiative, launched under the auspices of the UN Network on Migration for the ' +
				'implementation of the Global Compact for Safe, Orderly and Regular Migration (GCM), and delivers ' +
				'the intent of the Republic of Azerbaijan to join it.',
			'Azerbaijan has supported the GCM since its inception; its draft Migration Strategy, including ' +
				'integration activities respecting multicultural values and the diversity of migrants, will ' +
				'contribute to implementing it. Azerbaijan was among the first countries in the region to establish ' +
				'the UN Network on Migration at national level and contributed a comprehensive report to the ' +
				'voluntary review of the GCM; with the vital support of IOM it has initiated the establishment of ' +
				'the Regional Training Center on Migration; and it has been elected a member of the Steering Group ' +
				'of the Global Forum on Migration and Development.',
			'Azerbaijan has good practice to share with other Champion countries. The letter expresses the hope ' +
				"for IOM's positive consideration and support, and looks forward to further cooperation with the " +
				'UNNM and other Member States on the role of Champion countries and the promotion of the GCM.'
		].join('\n'),
		events: [
			{ event: 'imd-2021', link: 'leads_to' },
			{ event: 'imrf-2022', link: 'leads_to' }
		]
	},
	// [000] "Ref: 0451/13/21/26 … Geneva, 17 September 2021 … Enclosure: 2 pages".
	{
		key: 'nv-0451-13-21-26',
		kind: 'note_verbale',
		direction: 'outgoing',
		transmits: 'letter-09-1502',
		referenceNumber: '0451/13/21/26',
		datedOn: '2021-09-17',
		place: 'Geneva',
		sender: 'az-mission-geneva',
		recipient: 'iom',
		subject:
			'Transmission of the letter of the Chief of the State Migration Service to the Director General of IOM',
		summary:
			'The Permanent Mission of the Republic of Azerbaijan to the United Nations Office and other ' +
			'International Organizations in Geneva presents its compliments to the International Organization ' +
			'for Migration and transmits a copy of the enclosed letter of Mr Vusal Huseynov, Chief of the State ' +
			'Migration Service of the Republic of Azerbaijan, addressed to H.E. Mr António Vitorino, Director ' +
			'General of the International Organization for Migration.',
		events: [
			{ event: 'imd-2021', link: 'leads_to' },
			{ event: 'imrf-2022', link: 'leads_to' }
		]
	}
] as const satisfies readonly DemoCorrespondence[];
