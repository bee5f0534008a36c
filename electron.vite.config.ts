import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { createRendererConfig } from './renderer/vite.config';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out', 'main'),
      externalizeDeps: true,
      rolldownOptions: { input: { index: resolve(root, 'main', 'app', 'index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out', 'preload'),
      // A sandboxed preload can require only 'electron': bundle everything else into it.
      externalizeDeps: false,
      // Sandboxed preloads cannot be ES modules.
      rolldownOptions: {
        input: { index: resolve(root, 'preload', 'index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: createRendererConfig(resolve(root, 'renderer')),
});
