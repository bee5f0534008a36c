/** React Query keys, in one place so events can invalidate exactly what changed. */
export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  settings: ['settings'] as const,
  settingsRecovery: ['settings', 'recovery'] as const,
  updates: ['updates', 'status'] as const,
  connections: ['connections'] as const,
  tokenState: (profileId: string) => ['connections', 'token-state', profileId] as const,
  /** Everything read from the active connection's service; reset when the connection changes. */
  service: ['service'] as const,
  account: ['service', 'account'] as const,
  device: ['service', 'device'] as const,
  mappings: ['service', 'mappings'] as const,
  readiness: ['service', 'readiness'] as const,
  /** Whether the active connection has fiscalised a document yet (the first-run checklist). */
  firstFiscalised: ['service', 'first-fiscalised'] as const,
  /** The failure the training practice service is making (training mode only). */
  practice: ['service', 'practice'] as const,
};
