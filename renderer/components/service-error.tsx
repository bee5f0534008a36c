import { Link } from 'react-router';
import { useActiveProfile } from '../api/use-connections';
import { FiscalCallError } from '../api/unwrap';
import { FiskalyActiveNotice } from './fiskaly-active-notice';
import { ErrorPanel } from './states';

/** Errors from the fiscal service, each with the next step a shop manager can take. */
export function ServiceError(props: { error: unknown; onRetry: () => void; what: string }) {
  const code = props.error instanceof FiscalCallError ? props.error.code : null;
  const { active } = useActiveProfile();
  if (code === 'NO_CONNECTION' && active?.kind === 'fiskaly') return <FiskalyActiveNotice profile={active} what={props.what} />;
  if (code === 'NO_CONNECTION' || code === 'WRONG_CREDENTIALS' || code === 'CREDENTIALS_MISSING' || code === 'KEYCHAIN_UNAVAILABLE') {
    return (
      <div className="notice notice--error" role="alert">
        <h2 className="notice__title">{code === 'NO_CONNECTION' ? 'No connection chosen' : `The ${props.what} could not be loaded`}</h2>
        <p>{(props.error as FiscalCallError).message}</p>
        <div className="button-row">
          <Link className="button button--primary" to="/connections">
            Open Connections
          </Link>
          {code === 'NO_CONNECTION' ? null : (
            <button type="button" className="button" onClick={props.onRetry}>
              Check again
            </button>
          )}
        </div>
      </div>
    );
  }
  return <ErrorPanel error={props.error} onRetry={props.onRetry} title={`The ${props.what} could not be loaded`} />;
}
