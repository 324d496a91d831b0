import { m } from '../paraglide/messages.js';
import { vocabulary } from './vocabulary';

/** The dietary requirements a caterer counts meals by; anything else goes in the note. */
export const dietaryRequirements = /* @__PURE__ */ vocabulary({
	vegetarian: m.vocabulary_dietary_vegetarian,
	vegan: m.vocabulary_dietary_vegan,
	halal: m.vocabulary_dietary_halal,
	kosher: m.vocabulary_dietary_kosher,
	no_pork: m.vocabulary_dietary_no_pork,
	no_alcohol: m.vocabulary_dietary_no_alcohol,
	gluten_free: m.vocabulary_dietary_gluten_free,
	lactose_free: m.vocabulary_dietary_lactose_free,
	nut_allergy: m.vocabulary_dietary_nut_allergy,
	seafood_allergy: m.vocabulary_dietary_seafood_allergy,
	diabetic: m.vocabulary_dietary_diabetic
});
