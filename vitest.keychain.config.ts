import { defineConfig } from 'vitest/config';

/** Tests that need the real OS keychain; scripts/with-keyring.sh provides one on Linux CI. */
export default defineConfig({
  test: {
    include: ['main/**/*.keychain.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
