import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

export const organizationKinds = /* @__PURE__ */ vocabulary({
	government_body: m.vocabulary_organization_kind_government_body,
	international_organization: m.vocabulary_organization_kind_international_organization,
	un_entity: m.vocabulary_organization_kind_un_entity,
	diplomatic_mission: m.vocabulary_organization_kind_diplomatic_mission,
	civil_society: m.vocabulary_organization_kind_civil_society,
	academic: m.vocabulary_organization_kind_academic,
	private_sector: m.vocabulary_organization_kind_private_sector
});
