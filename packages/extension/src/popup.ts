import { defineElement } from '@fsd/shared';
import { FsdExtensionPopup } from './ui/popup.component.js';

defineElement('fsd-extension-popup', FsdExtensionPopup);
