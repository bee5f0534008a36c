/**
 * Where secrets live. The only implementation the app uses is the OS keychain (keytar); keytar
 * is archived upstream, so callers depend on this interface and a maintained replacement can
 * slot in without touching them. There is deliberately no file-based fallback.
 */
export interface SecretVault {
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

/** Keychain accounts are `<profileId>/<field>` under the app id as service (DESIGN.md section 4). */
export function vaultAccount(profileId: string, field: string): string {
  return `${profileId}/${field}`;
}
