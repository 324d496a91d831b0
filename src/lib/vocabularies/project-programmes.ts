import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

/** The programme or instrument a cooperation project runs under. */
export const projectProgrammes = /* @__PURE__ */ vocabulary({
	twinning: m.vocabulary_project_programme_twinning,
	taiex: m.vocabulary_project_programme_taiex,
	mieux: m.vocabulary_project_programme_mieux,
	joint_project: m.vocabulary_project_programme_joint_project,
	technical_cooperation: m.vocabulary_project_programme_technical_cooperation,
	other: m.vocabulary_project_programme_other
});
