/** Reading a dossier's filters and page from its URL: anything unknown is dropped, never an error. */
import { dossierKinds } from '../../vocabulary';
import { listYear } from '../agreements/agreement.input';
import { pageRequest, type PageRequest } from '../pagination';
import { oneOf } from '../query-params';
import type { DossierFilter } from './dossier.repository';
import { DOSSIER_PAGE_SIZE } from './dossier.service';

export function parseDossierQuery(url: URL): { filter: DossierFilter; page: PageRequest } {
	const params = url.searchParams;
	const filter: DossierFilter = {
		kind: oneOf(dossierKinds.values, params.get('kind')),
		year: listYear(params.get('year')),
		ownOnly: params.get('own') === '1'
	};
	// Within one kind the timeline is keyed without it (see listDossierTimeline).
	const shape = filter.kind ? (['instant', 'id'] as const) : (['instant', 'text', 'id'] as const);
	return { filter, page: pageRequest(url, DOSSIER_PAGE_SIZE, shape) };
}
