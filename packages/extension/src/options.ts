import { defineElement } from '../../widgets/src/internal/fsd-element.js';
import { FsdExtensionOptions } from './ui/options.component.js';

defineElement('fsd-extension-options', FsdExtensionOptions);
