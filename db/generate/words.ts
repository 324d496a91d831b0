/**
 * What generated records are made of: names in Latin, Azerbaijani and Cyrillic spelling, places in many
 * time zones, and the words of titles, so that lists, search and the precedence order meet the
 * variety of a real office.
 */

/** Cities the office meets in: country (ISO 3166-1), IANA zone, and the country's name. */
export const CITIES = [
	['Baku', 'AZ', 'Asia/Baku', 'Azerbaijan'],
	['Ganja', 'AZ', 'Asia/Baku', 'Azerbaijan'],
	['Sumqayıt', 'AZ', 'Asia/Baku', 'Azerbaijan'],
	['Şəki', 'AZ', 'Asia/Baku', 'Azerbaijan'],
	['Tbilisi', 'GE', 'Asia/Tbilisi', 'Georgia'],
	['Ankara', 'TR', 'Europe/Istanbul', 'Türkiye'],
	['Istanbul', 'TR', 'Europe/Istanbul', 'Türkiye'],
	['Moscow', 'RU', 'Europe/Moscow', 'Russian Federation'],
	['Astana', 'KZ', 'Asia/Almaty', 'Kazakhstan'],
	['Tashkent', 'UZ', 'Asia/Tashkent', 'Uzbekistan'],
	['Bishkek', 'KG', 'Asia/Bishkek', 'Kyrgyzstan'],
	['Kyiv', 'UA', 'Europe/Kyiv', 'Ukraine'],
	['Minsk', 'BY', 'Europe/Minsk', 'Belarus'],
	['Geneva', 'CH', 'Europe/Zurich', 'Switzerland'],
	['Vienna', 'AT', 'Europe/Vienna', 'Austria'],
	['Brussels', 'BE', 'Europe/Brussels', 'Belgium'],
	['Berlin', 'DE', 'Europe/Berlin', 'Germany'],
	['Paris', 'FR', 'Europe/Paris', 'France'],
	['London', 'GB', 'Europe/London', 'United Kingdom'],
	['Lisbon', 'PT', 'Europe/Lisbon', 'Portugal'],
	['Rome', 'IT', 'Europe/Rome', 'Italy'],
	['Warsaw', 'PL', 'Europe/Warsaw', 'Poland'],
	['Helsinki', 'FI', 'Europe/Helsinki', 'Finland'],
	['Athens', 'GR', 'Europe/Athens', 'Greece'],
	['Cairo', 'EG', 'Africa/Cairo', 'Egypt'],
	['Nairobi', 'KE', 'Africa/Nairobi', 'Kenya'],
	['Lagos', 'NG', 'Africa/Lagos', 'Nigeria'],
	['Johannesburg', 'ZA', 'Africa/Johannesburg', 'South Africa'],
	['Tehran', 'IR', 'Asia/Tehran', 'Iran'],
	['Dubai', 'AE', 'Asia/Dubai', 'United Arab Emirates'],
	['Riyadh', 'SA', 'Asia/Riyadh', 'Saudi Arabia'],
	['Kabul', 'AF', 'Asia/Kabul', 'Afghanistan'],
	['New Delhi', 'IN', 'Asia/Kolkata', 'India'],
	['Kathmandu', 'NP', 'Asia/Kathmandu', 'Nepal'],
	['Dhaka', 'BD', 'Asia/Dhaka', 'Bangladesh'],
	['Bangkok', 'TH', 'Asia/Bangkok', 'Thailand'],
	['Beijing', 'CN', 'Asia/Shanghai', 'China'],
	['Seoul', 'KR', 'Asia/Seoul', 'Republic of Korea'],
	['Tokyo', 'JP', 'Asia/Tokyo', 'Japan'],
	['Adelaide', 'AU', 'Australia/Adelaide', 'Australia'],
	['Sydney', 'AU', 'Australia/Sydney', 'Australia'],
	['Auckland', 'NZ', 'Pacific/Auckland', 'New Zealand'],
	['Honolulu', 'US', 'Pacific/Honolulu', 'United States'],
	['New York', 'US', 'America/New_York', 'United States'],
	['Washington', 'US', 'America/New_York', 'United States'],
	['Chicago', 'US', 'America/Chicago', 'United States'],
	['Ottawa', 'CA', 'America/Toronto', 'Canada'],
	['St. John’s', 'CA', 'America/St_Johns', 'Canada'],
	['Mexico City', 'MX', 'America/Mexico_City', 'Mexico'],
	['Bogotá', 'CO', 'America/Bogota', 'Colombia'],
	['São Paulo', 'BR', 'America/Sao_Paulo', 'Brazil'],
	['Buenos Aires', 'AR', 'America/Argentina/Buenos_Aires', 'Argentina'],
	['Reykjavík', 'IS', 'Atlantic/Reykjavik', 'Iceland'],
	['Chatham', 'NZ', 'Pacific/Chatham', 'New Zealand']
] as const;

export type City = (typeof CITIES)[number];

/** Most of the office's meetings are at home. */
export const HOME_CITY: City = CITIES[0];

export const GIVEN_NAMES_AZ = [
	'Vüsal',
	'Elçin',
	'Şəhla',
	'Günel',
	'Rəşad',
	'Aygün',
	'Orxan',
	'Leyla',
	'Tural',
	'Nərgiz',
	'Fərid',
	'Səbinə',
	'İlham',
	'Könül',
	'Çingiz',
	'Ülviyyə',
	'Əli',
	'Gülnar',
	'Şahin',
	'Aysel'
];
export const FAMILY_NAMES_AZ = [
	'Hüseynov',
	'Məmmədova',
	'Əliyev',
	'Quliyeva',
	'Həsənov',
	'İsmayılova',
	'Qasımov',
	'Rzayeva',
	'Cəfərov',
	'Süleymanova',
	'Bağırov',
	'Nəsirova',
	'Ağayev',
	'Şükürova',
	'Kərimov',
	'Zeynalova',
	'Abbasov',
	'Mustafayeva',
	'Paşayev',
	'Çələbiyeva'
];
/** Latin names, with the Cyrillic spelling used for some of the same people's native names. */
export const GIVEN_NAMES_LATIN = [
	'Anna',
	'David',
	'Maria',
	'Thomas',
	'Sofia',
	'Lukas',
	'Elena',
	'Marco',
	'Ingrid',
	'Pierre',
	'Amina',
	'Kwame',
	'Hiroshi',
	'Priya',
	'Carlos',
	'Fatima',
	'Jonas',
	'Zainab',
	'Mateo',
	'Olga'
];
export const FAMILY_NAMES_LATIN = [
	'Müller',
	'García',
	'Rossi',
	'Dubois',
	'Nowak',
	'Virtanen',
	'Papadopoulos',
	'Okafor',
	'Tanaka',
	'Sharma',
	'Silva',
	'Haddad',
	'Johansson',
	'O’Brien',
	'Kowalski',
	'Novák',
	'Fernández',
	'Mensah',
	'Kim',
	'Lindqvist'
];
export const NAMES_CYRILLIC = [
	['Иван', 'Петров', 'Ivan', 'Petrov'],
	['Ольга', 'Смирнова', 'Olga', 'Smirnova'],
	['Сергей', 'Кузнецов', 'Sergei', 'Kuznetsov'],
	['Наталья', 'Попова', 'Natalia', 'Popova'],
	['Алексей', 'Васильев', 'Aleksei', 'Vasiliev'],
	['Татьяна', 'Новикова', 'Tatiana', 'Novikova'],
	['Дмитрий', 'Фёдоров', 'Dmitrii', 'Fedorov'],
	['Ирина', 'Морозова', 'Irina', 'Morozova'],
	['Андрій', 'Шевченко', 'Andrii', 'Shevchenko'],
	['Оксана', 'Коваленко', 'Oksana', 'Kovalenko'],
	['Вусал', 'Гусейнов', 'Vusal', 'Huseynov'],
	['Айгюль', 'Мамедова', 'Aygul', 'Mamedova'],
	['Нурлан', 'Абенов', 'Nurlan', 'Abenov'],
	['Гульнара', 'Каримова', 'Gulnara', 'Karimova']
] as const;

export const HONORIFICS = ['Mr', 'Ms', 'Dr', 'H.E.', 'Prof.', null] as const;

/** Positions with their rank in the order of precedence (1 the highest). */
export const POSITIONS = [
	['Minister', 'Minister', 2],
	['Deputy Minister', 'Deputy Minister', 3],
	['Ambassador', 'Ambassador Extraordinary and Plenipotentiary', 4],
	['Head of Department', 'Counsellor', 5],
	['Deputy Head of Department', 'First Secretary', 6],
	['Head of Division', 'Second Secretary', 7],
	['Senior Adviser', 'Third Secretary', 8],
	['Adviser', 'Attaché', 9],
	['Programme Officer', null, null],
	['Protocol Officer', null, null],
	['Interpreter', null, null],
	['Press Officer', null, null]
] as const;

export const ROOT_ORGANIZATIONS = [
	['Ministry of Foreign Affairs', 'MFA', 'government_body'],
	['Ministry of Internal Affairs', 'MIA', 'government_body'],
	['Ministry of Economy', 'MoE', 'government_body'],
	['Ministry of Labour and Social Protection', 'MLSP', 'government_body'],
	['State Migration Service', 'SMS', 'government_body'],
	['State Border Service', 'SBS', 'government_body'],
	['Ministry of Justice', 'MoJ', 'government_body'],
	['Ministry of Education', 'MoEd', 'government_body'],
	['Embassy', 'EMB', 'diplomatic_mission'],
	['National University', 'NU', 'academic'],
	['Chamber of Commerce', 'CC', 'private_sector'],
	['Migrants’ Support Association', 'MSA', 'civil_society']
] as const;

export const INTERNATIONAL_ORGANIZATIONS = [
	['International Organization for Migration', 'IOM', 'un_entity'],
	['United Nations High Commissioner for Refugees', 'UNHCR', 'un_entity'],
	['United Nations Development Programme', 'UNDP', 'un_entity'],
	['International Labour Organization', 'ILO', 'un_entity'],
	['International Centre for Migration Policy Development', 'ICMPD', 'international_organization'],
	['Organization for Security and Co-operation in Europe', 'OSCE', 'international_organization'],
	['Council of Europe', 'CoE', 'international_organization'],
	['European Union', 'EU', 'international_organization'],
	['Organization of Turkic States', 'OTS', 'international_organization'],
	['Commonwealth of Independent States', 'CIS', 'international_organization']
] as const;

export const DEPARTMENTS = [
	'Department of Consular Affairs',
	'Department of International Cooperation',
	'Protocol Department',
	'Department of Legal Affairs',
	'Department of Migration Policy',
	'Analytical Department',
	'Department of Human Resources',
	'Press Service',
	'Regional Office',
	'Department of European Affairs',
	'Department of Asian Affairs',
	'Department for Labour Migration'
];

/** Subjects of meetings, letters and outcomes; several per title, so that searches find a share. */
export const SUBJECTS = [
	'migration',
	'labour mobility',
	'readmission',
	'visa facilitation',
	'border management',
	'integration',
	'diaspora',
	'remittances',
	'trafficking in persons',
	'refugee protection',
	'statistics',
	'consular cooperation',
	'return and reintegration',
	'climate mobility',
	'qanunvericilik',
	'əmək miqrasiyası',
	'şəhadətnamə',
	'миграционная политика',
	'трудовая миграция',
	'digital identity',
	'skills partnership',
	'student exchange',
	'health of migrants',
	'data protection'
];

export const EVENT_TITLE_FORMS: Record<string, readonly string[]> = {
	observance: ['International Migrants Day', 'World Refugee Day', 'Day of Solidarity of World Azerbaijanis'],
	forum: ['Forum on {s}', 'Global Dialogue on {s}', 'Baku Conference on {s}'],
	debrief: ['Debrief after the mission on {s}', 'Internal debrief: {s}'],
	bilateral_meeting: ['Meeting with {o} on {s}', 'Consultations with {o}', 'Talks on {s} with {o}'],
	multilateral_meeting: ['Regional consultations on {s}', 'Expert group on {s}', 'Round table on {s}'],
	official_visit: ['Official visit of the delegation of {o}', 'Visit of {o} to {c}'],
	working_visit: ['Working visit to {c} on {s}', 'Study visit on {s}'],
	council_session: ['Session of the Council on {s}', 'Steering committee of {o}'],
	training: ['Training on {s}', 'Workshop: {s}', 'Təlim: {s}'],
	signing_ceremony: ['Signing of the memorandum on {s}', 'Signing ceremony with {o}'],
	reception: ['Reception in honour of {o}', 'Diplomatic reception, {c}'],
	other: ['Press briefing on {s}', 'Coordination meeting on {s}']
};

export const AGENDA_TITLES = [
	'Opening remarks',
	'Welcome address',
	'Presentation of the national report on {s}',
	'Exchange of views on {s}',
	'Panel: {s} in practice',
	'Coffee break',
	'Adoption of the joint statement',
	'Signing of the protocol',
	'Questions and answers',
	'Closing remarks'
];

export const TOPIC_POSITIONS = [
	'We support continuing the joint work.',
	'We propose a working group before the next session.',
	'We ask for figures by the end of the quarter.',
	'Our side prefers a pilot in two regions first.'
];
