import { useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useShopReach } from '../../api/use-shop-office';
import { paramOfScope, scopeFromParam, scopeLabel, tillName, type ViewScope } from './scope';
import './back-office.css';

/** The scope the address asks for; this till's own when the shop database cannot show others. */
export function useViewScope(): { scope: ViewScope; setScope: (scope: ViewScope) => void } {
  const [params, setParams] = useSearchParams();
  const reach = useShopReach();
  const asked = params.get('scope');
  const available = reach.data?.available === true;
  // The same scope object while the address says the same: the lists it is passed to stay memoised.
  const scope = useMemo<ViewScope>(() => (available ? scopeFromParam(asked) : { kind: 'this-till' }), [available, asked]);
  const setScope = (next: ViewScope) => {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        const value = paramOfScope(next);
        if (value === null) updated.delete('scope');
        else updated.set('scope', value);
        return updated;
      },
      { replace: true },
    );
  };
  return { scope, setScope };
}

/**
 * "Show: This till / All tills / a branch / a till" on Documents and Home. Shown only where the
 * shop database lets this computer read every till; a lone till never sees it.
 */
export function ScopeSwitch({ scope, onChange }: { scope: ViewScope; onChange: (scope: ViewScope) => void }) {
  const reach = useShopReach();
  const id = useId();
  if (reach.data?.available !== true) return null;
  const { branches, tills } = reach.data;
  const value = paramOfScope(scope) ?? 'this';
  return (
    <div className="scope-switch">
      <label htmlFor={id}>Show</label>
      <select id={id} value={value} onChange={(event) => onChange(scopeFromParam(event.target.value === 'this' ? null : event.target.value))}>
        <option value="this">This till</option>
        <option value="all">All tills</option>
        {branches.length > 1 || (branches.length === 1 && branches[0] !== '') ? (
          <optgroup label="Branch">
            {branches.map((branch) => (
              <option key={`b-${branch}`} value={`branch:${branch}`}>
                {branch === '' ? 'Tills without a branch' : `Branch ${branch}`}
              </option>
            ))}
          </optgroup>
        ) : null}
        <optgroup label="One till">
          {tills.map((till) => (
            <option key={till.stationId} value={`till:${till.stationId}`}>
              {tillName(till)}
              {till.branch === '' ? '' : ` (${till.branch})`}
              {till.thisTill ? ', this computer' : ''}
            </option>
          ))}
        </optgroup>
      </select>
      {scope.kind === 'this-till' ? null : <span className="scope-switch__source">From the shop database: {scopeLabel(scope, reach.data)}</span>}
    </div>
  );
}
