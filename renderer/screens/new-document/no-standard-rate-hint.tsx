import { Link } from 'react-router';

/** Said above the lines while the shop has no standard rate: each line's tax is the manager's choice, never a default. */
export function NoStandardRateHint() {
  return (
    <p className="field__hint" data-testid="no-standard-rate">
      No standard rate is set, so each line starts without a tax code: choose it on every line. <Link to="/settings">Set a standard rate in Settings</Link>
    </p>
  );
}
