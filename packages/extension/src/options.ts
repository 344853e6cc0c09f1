import { defineElement } from '@fsd/shared';
import { FsdExtensionOptions } from './ui/options.component.js';

defineElement('fsd-extension-options', FsdExtensionOptions);
