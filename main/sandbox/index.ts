// Public surface of the Fiscal Harmony sandbox.
export { startFiscalHarmonySandbox, SEVEN_DAYS_MS } from './fiscal-harmony-sandbox';
export type { RunningSandbox, SandboxOptions } from './fiscal-harmony-sandbox';
export {
  DEMO_APPLICATION,
  DEMO_CREDENTIALS,
  DEMO_TEMPLATES,
  createDemoAccount,
  createDemoAccounts,
  uniqueCredentials,
} from './demo-accounts';
export type { DemoAccountSet, DemoTemplate } from './demo-accounts';
export { NO_FAULTS } from './faults/fault-config';
export type { FaultConfig, FaultPatch } from './faults/fault-config';
export type { AccountSeed, SandboxCredentials } from './state/account-seed';
export type { StationHeaderMode } from './http/auth';
