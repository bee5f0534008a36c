import type { AppInfo } from '../../../shared/contract/app';
import { openAllowedExternal, type ExternalOpener } from '../../services/external-links';
import type { Handlers } from '../router';

export function appHandlers(deps: { info: AppInfo; openExternal: ExternalOpener }): Handlers['app'] {
  return {
    info: () => deps.info,
    openExternal: ({ url }) => openAllowedExternal(url, deps.openExternal),
  };
}
