import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { securityHeaders } from './csp';
import { contentTypeFor, resolveStaticFile } from './static-files';

export const appScheme = 'app';
export const appHost = 'fiscal-desk';
export const appOrigin = `${appScheme}://${appHost}`;

/** Must run before `app.whenReady()`. A standard, secure scheme instead of file://. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true } },
  ]);
}

/** Serves the built renderer from `rendererDirectory` with the CSP and hardening headers. */
export function serveRenderer(rendererDirectory: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const path = url.host === appHost ? resolveStaticFile(rendererDirectory, url.pathname) : null;
    if (path === null) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(path);
      return new Response(body, { headers: { 'Content-Type': contentTypeFor(path), ...securityHeaders() } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
