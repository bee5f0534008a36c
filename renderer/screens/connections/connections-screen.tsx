import { useState } from 'react';
import type { ConnectionTestResult } from '../../../shared/contract/connections';
import { useConnections, useTestConnection } from '../../api/use-connections';
import { Page } from '../../components/page';
import { ErrorPanel, Loading } from '../../components/states';
import { AddConnectionForm } from './add-connection-form';
import { ProfileCard } from './profile-card';
import { StationCard } from './station-card';

export function ConnectionsScreen() {
  const connections = useConnections();
  const [adding, setAdding] = useState(false);
  const [results, setResults] = useState<Record<string, ConnectionTestResult>>({});
  const test = useTestConnection();

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
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            Add a connection
          </button>
        )
      }
    >
      {connections.isPending ? <Loading what="connections" /> : null}
      {connections.isError ? <ErrorPanel error={connections.error} onRetry={() => void connections.refetch()} /> : null}
      {connections.data?.keychainAvailable === false ? (
        <div className="notice notice--error" role="alert">
          <h2 className="notice__title">The keychain is locked or missing</h2>
          <p>
            Fiscal Desk keeps API keys and secrets only in this computer's keychain, and cannot reach it now. Unlock the keychain (or sign in to
            your desktop session again), then come back: nothing is stored anywhere else meanwhile.
          </p>
        </div>
      ) : null}
      {adding ? (
        <AddConnectionForm
          onCancel={() => setAdding(false)}
          onCreated={(id) => {
            setAdding(false);
            runTest(id);
          }}
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
