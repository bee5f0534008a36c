import { Link } from 'react-router';
import type { ProfileView } from '../../shared/contract/connections';
import { useActivateProfile, useConnections, useTokenState } from '../api/use-connections';

const signIn: Record<string, string> = {
  'signed-out': 'not signed in yet (it signs in when first used, or when you test it)',
  'signed-in': 'signed in',
  refreshing: 'signing in now',
  failed: 'refused by fiskaly: check its key and secret in Connections',
};

/**
 * Shown by the Fiscal Harmony screens while a fiskaly connection is in use: calmly what that
 * connection offers here, and how to switch, instead of an error.
 */
export function FiskalyActiveNotice(props: { profile: Extract<ProfileView, { kind: 'fiskaly' }>; what: string }) {
  const { profile } = props;
  const token = useTokenState(profile.id);
  const connections = useConnections();
  const activate = useActivateProfile();
  const fiscalHarmony = connections.data?.profiles.find((p) => p.kind === 'fiscal-harmony') ?? null;
  return (
    <div className="notice notice--info" role="status">
      <h2 className="notice__title">"{profile.name}" is a fiskaly connection</h2>
      <p>
        This screen shows Fiscal Harmony's {props.what}, which a fiskaly connection does not have. Here, a fiskaly connection offers its sign-in:
        it is {token.data === undefined ? 'being checked' : (signIn[token.data.status] ?? token.data.status)}. Its details are in Connections.
      </p>
      <p>To see the {props.what}, switch to a Fiscal Harmony connection with the Connection list at the top of the sidebar.</p>
      <div className="button-row">
        {fiscalHarmony === null ? null : (
          <button type="button" className="button button--primary" onClick={() => activate.mutate(fiscalHarmony.id)} disabled={activate.isPending}>
            Switch to "{fiscalHarmony.name}"
          </button>
        )}
        <Link className="button" to="/connections">
          Open Connections
        </Link>
      </div>
    </div>
  );
}
