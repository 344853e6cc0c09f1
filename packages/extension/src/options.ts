import { defineElement } from '@frenchsouth-digital/shared';
import { FsdExtensionOptions } from './ui/options.component.js';

defineElement('fsd-extension-options', FsdExtensionOptions);
