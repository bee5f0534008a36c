import { useState, type FormEvent } from 'react';
import type { ShopDbSettings, ShopDbTlsMode, ShopDbView } from '../../../shared/contract/shop-db';
import { FiscalCallError } from '../../api/unwrap';
import { useSaveShopDb, useShopDb, useShopDbStatus, useTestShopDb } from '../../api/use-shop-db';
import { SelectField } from '../../components/select-field';
import { ErrorPanel, Loading } from '../../components/states';
import { TextField } from '../../components/text-field';

const tlsChoices: { value: ShopDbTlsMode; label: string }[] = [
  { value: 'require', label: 'Encrypted (certificate not checked)' },
  { value: 'verify', label: 'Encrypted and certificate checked' },
  { value: 'off', label: 'Not encrypted (same computer only)' },
];

/** Copying this till's documents to the shop's PostgreSQL database, so a back office sees every till. */
export function ShopDatabaseSection() {
  const shopDb = useShopDb();
  const save = useSaveShopDb();
  return (
    <section className="card" id="shop-database" aria-labelledby="shop-db-title">
      <h2 id="shop-db-title">Shop database</h2>
      <p className="field__hint">
        With several tills, each can copy its invoices and credit notes to the shop’s PostgreSQL database, so the back office sees them all. Fiscalising never waits for
        it. Ask IT for this till’s login (docs/shop-database.md).
      </p>
      <CopyStatus />
      {shopDb.isPending ? <Loading what="the shop database settings" /> : null}
      {shopDb.isError ? <ErrorPanel error={shopDb.error} onRetry={() => void shopDb.refetch()} /> : null}
      {shopDb.data === undefined ? null : <ShopDbForm key={JSON.stringify(shopDb.data)} view={shopDb.data} save={save} />}
    </section>
  );
}

function CopyStatus() {
  const status = useShopDbStatus();
  if (status.data === undefined || status.data.state === 'off') return null;
  const { state, message, eventsWaiting, lastCopiedAt } = status.data;
  const last = lastCopiedAt === null ? '' : ` Last copy: ${new Date(lastCopiedAt).toLocaleString()}.`;
  const waiting = eventsWaiting > 0 ? ` ${eventsWaiting} changes waiting to be copied.` : '';
  return (
    <div className={`notice ${state === 'paused' ? 'notice--warning' : ''}`} role="status">
      <p>
        {message}
        {waiting}
        {last}
      </p>
    </div>
  );
}

function ShopDbForm({ view, save }: { view: ShopDbView; save: ReturnType<typeof useSaveShopDb> }) {
  const [settings, setSettings] = useState<ShopDbSettings>(view.settings);
  const [port, setPort] = useState(String(view.settings.port));
  const [password, setPassword] = useState('');
  const [portProblem, setPortProblem] = useState<string | undefined>(undefined);
  const test = useTestShopDb();
  const fields = save.error instanceof FiscalCallError ? (save.error.fields ?? {}) : test.error instanceof FiscalCallError ? (test.error.fields ?? {}) : {};
  const edit = (patch: Partial<ShopDbSettings>) => setSettings((current) => ({ ...current, ...patch }));

  const change = () => {
    const value = port.trim();
    if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65_535) {
      setPortProblem('Type the port as a number, usually 5432.');
      return null;
    }
    setPortProblem(undefined);
    return { settings: { ...settings, port: Number(value) }, password: password === '' ? null : password };
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = change();
    if (typed !== null) save.mutate(typed);
  };
  const runTest = () => {
    const typed = change();
    if (typed !== null) test.mutate(typed);
  };

  return (
    <form aria-label="Shop database" onSubmit={submit} noValidate>
      <label className="checkbox">
        <input type="checkbox" checked={settings.enabled} onChange={(event) => edit({ enabled: event.target.checked })} /> Copy this till’s documents to the shop database
      </label>
      <TextField label="Server address" value={settings.host} autoComplete="off" spellCheck={false} onChange={(event) => edit({ host: event.target.value })} hint="Its name or address, like db.shop.local or 192.168.1.20" error={fields['settings.host']} />
      <TextField label="Port" value={port} inputMode="numeric" autoComplete="off" onChange={(event) => setPort(event.target.value)} error={portProblem ?? fields['settings.port']} />
      <TextField label="Database" value={settings.database} autoComplete="off" spellCheck={false} onChange={(event) => edit({ database: event.target.value })} error={fields['settings.database']} />
      <TextField label="User" value={settings.user} autoComplete="off" spellCheck={false} onChange={(event) => edit({ user: event.target.value })} hint="This till’s own login: each till needs one" error={fields['settings.user']} />
      <TextField
        label="Password"
        type="password"
        value={password}
        autoComplete="new-password"
        onChange={(event) => setPassword(event.target.value)}
        hint={view.passwordSaved ? 'A password is saved in this computer’s keychain. Leave empty to keep it.' : 'Kept in this computer’s keychain, never in the settings file.'}
      />
      <SelectField label="Secure connection (TLS)" value={settings.tls} onChange={(event) => edit({ tls: event.target.value as ShopDbTlsMode })}>
        {tlsChoices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </SelectField>
      <TextField label="Branch" value={settings.branch} maxLength={80} autoComplete="off" onChange={(event) => edit({ branch: event.target.value })} hint="The back office groups tills by branch" error={fields['settings.branch']} />
      <p className="field__hint">This till’s station id: <span className="mono">{view.stationId}</span></p>
      <div className="button-row">
        <button type="button" className="button" onClick={runTest} disabled={test.isPending}>
          {test.isPending ? 'Testing…' : 'Test'}
        </button>
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          Save shop database
        </button>
        <span className="inline-status" role="status">
          {save.isSuccess ? 'Saved' : ''}
        </span>
      </div>
      {test.data === undefined ? null : (
        <div className={`notice ${test.data.ok ? '' : 'notice--error'}`} role={test.data.ok ? 'status' : 'alert'}>
          <p>{test.data.message}</p>
        </div>
      )}
      {test.isError && Object.keys(fields).length === 0 ? <ErrorPanel error={test.error} title="The test could not run" /> : null}
      {save.isError && Object.keys(fields).length === 0 ? <ErrorPanel error={save.error} title="The shop database settings could not be saved" /> : null}
    </form>
  );
}
