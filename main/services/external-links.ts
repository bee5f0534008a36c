import { AppError } from '../../shared/errors';

/**
 * Origins the app may open in the system browser. Anything else is refused: a link in a
 * service's answer must not be able to launch arbitrary programs or sites.
 */
export const allowedExternalOrigins: readonly string[] = [
  'https://fiscalharmony.co.zw',
  'https://www.fiscalharmony.co.zw',
  'https://app.fiscalharmony.co.zw',
  'https://www.zimra.co.zw',
  'https://fdms.zimra.co.zw',
  'https://fdmstest.zimra.co.zw',
  'https://www.fiskaly.com',
  'https://developer.fiskaly.com',
  'https://dashboard.fiskaly.com',
  'https://github.com',
];

export function isAllowedExternalUrl(raw: string, origins: readonly string[] = allowedExternalOrigins): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  return origins.includes(url.origin);
}

export type ExternalOpener = (url: string) => Promise<boolean>;

export async function openAllowedExternal(raw: string, opener: ExternalOpener): Promise<{ opened: boolean }> {
  if (!isAllowedExternalUrl(raw)) {
    throw new AppError('NOT_ALLOWED', 'Fiscal Desk only opens links to Fiscal Harmony, ZIMRA and fiskaly websites.');
  }
  return { opened: await opener(new URL(raw).toString()) };
}
