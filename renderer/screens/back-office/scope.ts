import type { ShopOfficeReach, ShopScope } from '../../../shared/contract/shop-office';

/**
 * Which tills Documents and Home show, kept in the address (`?scope=all`, `branch:Harare`,
 * `till:<station id>`; none: this till's own journal) so a link opens the same view.
 */
export type ViewScope = { kind: 'this-till' } | ShopScope;

export const THIS_TILL: ViewScope = { kind: 'this-till' };

export function scopeFromParam(value: string | null): ViewScope {
  if (value === 'all') return { kind: 'shop' };
  if (value?.startsWith('branch:') === true) return { kind: 'branch', branch: value.slice('branch:'.length).slice(0, 80) };
  if (value?.startsWith('till:') === true && value.length > 'till:'.length) return { kind: 'station', stationId: value.slice('till:'.length).slice(0, 100) };
  return THIS_TILL;
}

export function paramOfScope(scope: ViewScope): string | null {
  if (scope.kind === 'shop') return 'all';
  if (scope.kind === 'branch') return `branch:${scope.branch}`;
  if (scope.kind === 'station') return `till:${scope.stationId}`;
  return null;
}

/** The scope the shop database answers, or null for this till's own journal. */
export function shopScopeOf(scope: ViewScope): ShopScope | null {
  return scope.kind === 'this-till' ? null : scope;
}

export function tillName(till: { label: string; stationId: string }): string {
  return till.label === '' ? `Till ${till.stationId.slice(0, 8)}` : till.label;
}

/** "All tills", "Branch Harare", "Till 2 (Harare)". */
export function scopeLabel(scope: ViewScope, reach: ShopOfficeReach | undefined): string {
  if (scope.kind === 'this-till') return 'This till';
  if (scope.kind === 'shop') return 'All tills';
  if (scope.kind === 'branch') return scope.branch === '' ? 'Tills without a branch' : `Branch ${scope.branch}`;
  const till = reach?.tills.find((candidate) => candidate.stationId === scope.stationId);
  return till === undefined ? 'One till' : `${tillName(till)}${till.branch === '' ? '' : ` (${till.branch})`}`;
}

/** A link to Documents showing a scope, with more of the address (`state=needs-attention`). */
export function documentsLink(scope: ViewScope, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  const value = paramOfScope(scope);
  if (value !== null) params.set('scope', value);
  const query = params.toString();
  return query === '' ? '/documents' : `/documents?${query}`;
}
