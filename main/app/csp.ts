/**
 * The Content-Security-Policy of the renderer, for the packaged app (app:// origin), the browser
 * mode and development. No inline script, no eval, no remote origin: the page can only load what
 * ships with the app and talk to its own origin (the browser-mode bridge).
 */
export function buildContentSecurityPolicy(options: { devServerOrigin?: string } = {}): string {
  const dev = options.devServerOrigin;
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'child-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  if (dev !== undefined) {
    const ws = dev.replace(/^http/, 'ws');
    directives['script-src']!.push(dev);
    // Vite injects styles as <style> elements while developing.
    directives['style-src']!.push(dev, "'unsafe-inline'");
    directives['connect-src']!.push(dev, ws);
  }
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Headers sent with every renderer response, in Electron (app:// protocol) and browser mode. */
export function securityHeaders(options: { devServerOrigin?: string } = {}): Record<string, string> {
  return {
    'Content-Security-Policy': buildContentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=()',
  };
}
