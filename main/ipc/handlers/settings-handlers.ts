import type { EventBus } from '../../events/event-bus';
import type { SettingsStore } from '../../store/settings-store';
import type { Handlers } from '../router';

export function settingsHandlers(deps: { settings: SettingsStore; events: EventBus }): Handlers['settings'] {
  return {
    get: () => deps.settings.userSettings(),
    set: (patch) => {
      const saved = deps.settings.updateUserSettings(patch);
      deps.events.emit('settings:changed', saved);
      return saved;
    },
    recoveryNotices: () => ({ notices: deps.settings.recoveryNotices() }),
    dismissRecoveryNotices: () => ({ notices: deps.settings.dismissRecoveryNotices() }),
  };
}
