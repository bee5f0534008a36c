import type { SenderInfo } from './router';

/**
 * Calls are accepted only from the top frame of a page served from one of the app's own origins
 * (the packaged `app://` origin, or the dev server in development). An iframe, a navigated-away
 * page or a devtools extension page is refused.
 */
export function createSenderPolicy(allowedOrigins: readonly string[]): (sender: SenderInfo) => boolean {
  const allowed = new Set(allowedOrigins);
  return (sender) => {
    if (!sender.isMainFrame) return false;
    let origin: string;
    try {
      const url = new URL(sender.url);
      // Custom schemes give an opaque origin ("null"); rebuild it from protocol and host.
      origin = url.origin === 'null' ? `${url.protocol}//${url.host}` : url.origin;
    } catch {
      return false;
    }
    return allowed.has(origin);
  };
}
