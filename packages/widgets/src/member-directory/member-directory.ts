import { defineElement } from '@frenchsouth-digital/shared';
import { FsdMemberDirectory } from './member-directory.component.js';

export { FsdMemberDirectory };
export type { DirectoryState, FsdDirectoryStateEvent, FsdDirectoryStateDetail } from '../events/fsd-directory-state.js';

defineElement('fsd-member-directory', FsdMemberDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'fsd-member-directory': FsdMemberDirectory;
  }
}
