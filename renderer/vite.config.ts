import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { buildContentSecurityPolicy } from '../main/app/csp';

/** Writes the same CSP the app:// protocol and the browser-mode server send into index.html. */
function contentSecurityPolicyMeta(): Plugin {
  let devServerOrigin: string | undefined;
  return {
    name: 'fiscal-desk-csp-meta',
    configureServer(server) {
      const port = server.config.server.port ?? 5173;
      devServerOrigin = `http://localhost:${port}`;
    },
    transformIndexHtml(html) {
      const policy = buildContentSecurityPolicy(devServerOrigin === undefined ? {} : { devServerOrigin })
        // frame-ancestors is ignored in a meta tag; the response header carries it.
        .split('; ')
        .filter((directive) => !directive.startsWith('frame-ancestors'))
        .join('; ');
      return html.replace('%CONTENT_SECURITY_POLICY%', policy);
    },
  };
}

/** `root` is the renderer folder, passed in because bundled config files lose their own location. */
export function createRendererConfig(root: string): UserConfig {
  return {
  root,
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  build: {
    outDir: resolve(root, '..', 'out', 'renderer'),
    emptyOutDir: true,
    sourcemap: true,
    // Lists each chunk's static and on-demand imports: the bench reads what the first paint loads.
    manifest: true,
    minify: true,
    target: 'chrome140',
    rolldownOptions: { input: { index: resolve(root, 'index.html') } },
  },
  };
}

export default defineConfig(createRendererConfig(import.meta.dirname));
