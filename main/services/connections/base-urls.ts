import type { StoredFiscalHarmonyProfile } from '../../store/stored-connections';

/** fh-api.md section 1. */
export const fiscalHarmonyBaseUrls = {
  production: 'https://api.fiscalharmony.co.zw/api',
  test: 'https://apitest.fiscalharmony.co.zw/api',
} as const;

export function fiscalHarmonyBaseUrl(profile: StoredFiscalHarmonyProfile, trainingBaseUrl: string | null): string {
  switch (profile.environment) {
    case 'production':
    case 'test':
      return fiscalHarmonyBaseUrls[profile.environment];
    case 'training':
      if (trainingBaseUrl === null) throw new Error('The training profile needs the training sandbox address');
      return trainingBaseUrl;
    case 'custom':
      return (profile.customBaseUrl ?? '').replace(/\/+$/, '');
  }
}
