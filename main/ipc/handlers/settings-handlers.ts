import type { EventBus } from '../../events/event-bus';
import type { EntryService } from '../../services/entry/entry-service';
import type { SettingsStore } from '../../store/settings-store';
import type { Handlers } from '../router';

export function settingsHandlers(deps: { settings: SettingsStore; events: EventBus; entry: EntryService }): Handlers['settings'] {
  return {
    get: () => deps.settings.userSettings(),
    set: (patch) => {
      const saved = deps.settings.updateUserSettings(patch);
      deps.events.emit('settings:changed', saved);
      return saved;
    },
    standardRate: () => deps.entry.standardRate(),
    setStandardRate: ({ taxCode }) => deps.entry.setStandardRate(taxCode),
    recoveryNotices: () => ({ notices: deps.settings.recoveryNotices() }),
    dismissRecoveryNotices: () => ({ notices: deps.settings.dismissRecoveryNotices() }),
  };
}
