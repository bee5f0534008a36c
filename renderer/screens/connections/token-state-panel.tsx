import type { TokenState } from '../../../shared/contract/fiskaly-token-state';
import { useTokenState } from '../../api/use-connections';
import { FactList } from '../../components/fact-list';
import { formatDateTime } from '../../components/format';

const statusText: Record<TokenState['status'], { label: string; tone: string }> = {
  'signed-out': { label: 'Not signed in yet', tone: 'badge' },
  'signed-in': { label: 'Signed in', tone: 'badge badge--ok' },
  refreshing: { label: 'Signing in…', tone: 'badge badge--warn' },
  failed: { label: 'Sign-in failed', tone: 'badge badge--bad' },
};

const when = (value: string | null) => (value === null ? null : formatDateTime(value));

/** A fiskaly connection's sign-in: status, when the tokens expire, and the last error. Never a token. */
export function TokenStatePanel(props: { profileId: string }) {
  const query = useTokenState(props.profileId);
  const state = query.data;
  if (state === undefined) return null;
  const status = statusText[state.status];
  return (
    <div className="token-state">
      <h3 className="section-title">Sign-in</h3>
      <FactList
        facts={[
          ['Status', <span className={status.tone}>{status.label}</span>],
          ['Signed in at', when(state.authenticatedAt)],
          ['Access expires', when(state.accessTokenExpiresAt)],
          ['Refresh expires', state.hasRefreshToken ? when(state.refreshTokenExpiresAt) : 'No refresh token (signs in again with the key)'],
        ]}
      />
      {state.lastError === null ? null : (
        <div className="notice notice--error" role="alert">
          <h4 className="notice__title">fiskaly refused the sign-in</h4>
          <p>{state.lastError.message}</p>
        </div>
      )}
    </div>
  );
}
