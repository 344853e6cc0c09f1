// The page's own script: Spanish for every widget of the page, from the entry that registers languages.
import { registerTranslation } from '/dist/fsd-translations.js';
import { es } from './es.js';

registerTranslation('es', es);
