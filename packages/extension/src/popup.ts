import { defineElement } from '../../widgets/src/internal/fsd-element.js';
import { FsdExtensionPopup } from './ui/popup.component.js';

defineElement('fsd-extension-popup', FsdExtensionPopup);
