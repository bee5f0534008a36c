import { app, session, shell, type WebContents } from 'electron';
import type { Logger } from '../logging/logger';
import { isAllowedExternalUrl } from '../services/external-links';

/**
 * Default-deny for everything a page could do beyond rendering the app: navigating away,
 * opening windows, attaching webviews, asking for permissions. Allow-listed https links open in
 * the system browser; everything else is refused and logged.
 */
export function hardenSessionsAndContents(options: { allowedOrigins: readonly string[]; logger: Logger }): void {
  const { allowedOrigins, logger } = options;
  const isAppUrl = (raw: string) => {
    try {
      const url = new URL(raw);
      const origin = url.origin === 'null' ? `${url.protocol}//${url.host}` : url.origin;
      return allowedOrigins.includes(origin);
    } catch {
      return false;
    }
  };

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('Permission request denied', { permission });
    callback(false);
  });
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) {
        event.preventDefault();
        logger.warn('Navigation blocked', { url: url.slice(0, 200) });
      }
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      logger.warn('Webview attachment blocked');
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      else logger.warn('Window open blocked', { url: url.slice(0, 200) });
      return { action: 'deny' };
    });
  });
}
