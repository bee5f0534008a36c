import { defineConfig } from '@playwright/test';
import type { AppMode } from './e2e/fixtures';

const chromium = process.env.FISCAL_DESK_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig<object, { mode: AppMode }>({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: process.env.CI !== undefined,
  retries: 0,
  reporter: process.env.CI === undefined ? [['list']] : [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [
    { name: 'browser', use: { mode: 'browser' satisfies AppMode } },
    { name: 'electron', use: { mode: 'electron' satisfies AppMode } },
  ],
});
