import type { UpdateController } from '../../services/updates/update-controller';
import type { Handlers } from '../router';

export function updatesHandlers(deps: { updates: UpdateController }): Handlers['updates'] {
  return {
    status: () => deps.updates.status(),
    check: () => deps.updates.checkNow(),
    restart: () => deps.updates.restart(),
    cancelRestart: () => deps.updates.cancelRestart(),
  };
}
