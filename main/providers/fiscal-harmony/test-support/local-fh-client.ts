import { silentLogger } from '../../../logging/logger';
import { FiscalHarmonyClient } from '../fh-client';
import type { FiscalHarmonyConnection } from '../fh-http';

/** A client of the "Harare shop" connection, for tests against a local server at `origin`. */
export function localFhClient(origin: string, overrides: Partial<FiscalHarmonyConnection> = {}): FiscalHarmonyClient {
  return new FiscalHarmonyClient({
    profileName: 'Harare shop',
    baseUrl: `${origin}/api`,
    applicationName: 'FiscalDesk',
    stationId: 'c0ffee00-1111-4222-8333-444455556666',
    appVersion: '0.1.0',
    credentials: async () => ({ apiKey: 'fh-key', apiSecret: 'fh-secret' }),
    timeoutMs: 5_000,
    logger: silentLogger,
    ...overrides,
  });
}
