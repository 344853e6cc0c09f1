import { defineElement } from '@frenchsouth-digital/shared';
import { FsdExtensionPopup } from './ui/popup.component.js';

defineElement('fsd-extension-popup', FsdExtensionPopup);
