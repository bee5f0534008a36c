import { screen, type BrowserWindow } from 'electron';
import type { SettingsStore, WindowState } from '../store/settings-store';

/** The remembered state, moved back on screen if the display it was on is gone. */
export function restorableWindowState(settings: SettingsStore): WindowState {
  const state = settings.get('windowState');
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const visible = screen.getAllDisplays().some(({ workArea }) =>
    x >= workArea.x - 50 && y >= workArea.y - 50 && x < workArea.x + workArea.width - 100 && y < workArea.y + workArea.height - 100,
  );
  return visible ? state : { width: state.width, height: state.height, maximized: state.maximized };
}

export function rememberWindowState(window: BrowserWindow, settings: SettingsStore): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    const maximized = window.isMaximized();
    const bounds = maximized ? window.getNormalBounds() : window.getBounds();
    settings.set('windowState', { ...bounds, maximized });
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
}
