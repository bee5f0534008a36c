import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openHelp(): void;
}

/** The standard menu: app menu on macOS, File, Edit, View, Window and Help with the usual roles. */
export function menuTemplate(platform: NodeJS.Platform, appName: string, isDevelopment: boolean, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push({ label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] });
  template.push({ role: 'editMenu' });
  template.push({
    label: 'View',
    submenu: [
      { role: 'reload' },
      ...(isDevelopment ? ([{ role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  template.push({ role: 'windowMenu' });
  template.push({ role: 'help', submenu: [{ label: 'Fiscal Harmony help', click: () => actions.openHelp() }] });
  return template;
}
