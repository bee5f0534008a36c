import { useState } from 'react';
import type { ConnectionTestResult } from '../../../shared/contract/connections';
import { useAppInfo } from '../../api/use-app';
import { useConnections, useTestConnection } from '../../api/use-connections';
import { Page } from '../../components/page';
import { ErrorPanel, Loading } from '../../components/states';
import { AddConnectionForm } from './add-connection-form';
import { ProfileCard } from './profile-card';
import { StationCard } from './station-card';

/** How to make the keychain answer, for the platform this runs on. */
function keychainFix(platform: string | undefined): string {
  if (platform === 'linux') {
    return 'On Linux, the Secret Service (for example GNOME Keyring or KWallet) must be running and unlocked: sign in to your desktop session again, or unlock the "Login" keyring in Passwords and Keys.';
  }
  if (platform === 'darwin') return 'On macOS, unlock the login keychain in Keychain Access.';
  if (platform === 'win32') return 'On Windows, sign in to your Windows account again (Credential Manager is unlocked with it).';
  return 'Unlock the keychain (or sign in to your desktop session again).';
}

function KeychainProblem(props: { platform: string | undefined }) {
  return (
    <div className="notice notice--error" role="alert">
      <h2 className="notice__title">The keychain is locked or missing</h2>
      <p>
        Fiscal Desk keeps API keys and secrets only in this computer's keychain, and cannot reach it now, so no key can be saved. {keychainFix(props.platform)}{' '}
        Then come back: nothing is stored anywhere else meanwhile.
      </p>
    </div>
  );
}

export function ConnectionsScreen() {
  const connections = useConnections();
  const [adding, setAdding] = useState(false);
  const [results, setResults] = useState<Record<string, ConnectionTestResult>>({});
  const test = useTestConnection();
  const platform = useAppInfo().data?.platform;
  const keychainDown = connections.data?.keychainAvailable === false;

  const runTest = (id: string) =>
    test.mutate(id, {
      onSuccess: (result) => setResults((current) => ({ ...current, [id]: result })),
      onError: (error) => setResults((current) => ({ ...current, [id]: { ok: false, message: error.message, checkedAt: new Date().toISOString() } })),
    });

  return (
    <Page
      title="Connections"
      summary="Your Fiscal Harmony and fiskaly accounts, their keys and environments"
      actions={
        adding ? null : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              // The keychain is asked again before anything is typed into the form.
              void connections.refetch();
              setAdding(true);
            }}
          >
            Add a connection
          </button>
        )
      }
    >
      {connections.isPending ? <Loading what="connections" /> : null}
      {connections.isError ? <ErrorPanel error={connections.error} onRetry={() => void connections.refetch()} /> : null}
      {keychainDown && !adding ? <KeychainProblem platform={platform} /> : null}
      {adding ? (
        <AddConnectionForm
          onCancel={() => setAdding(false)}
          onCreated={(id, result) => {
            setAdding(false);
            setResults((current) => ({ ...current, [id]: result }));
          }}
          {...(keychainDown ? { keychainProblem: <KeychainProblem platform={platform} /> } : {})}
        />
      ) : null}
      {connections.data === undefined ? null : (
        <>
          {connections.data.profiles.length === 0 ? (
            <div className="notice" role="status">
              <h2 className="notice__title">No connections yet</h2>
              <p>Add your Fiscal Harmony account with the API key and secret from the Fiscal Harmony portal (API Keys).</p>
            </div>
          ) : null}
          <div className="stack">
            {connections.data.profiles.map((profile) => (
              <ProfileCard
                key={profile.id}
                profile={profile}
                testResult={results[profile.id] ?? null}
                testing={test.isPending && test.variables === profile.id}
                onTest={() => runTest(profile.id)}
              />
            ))}
          </div>
          <StationCard station={connections.data.station} />
        </>
      )}
    </Page>
  );
}
