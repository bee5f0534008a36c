/** React Query keys, in one place so events can invalidate exactly what changed. */
export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  settings: ['settings'] as const,
};
