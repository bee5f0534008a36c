import { useRef, useState } from 'react';
import type { CurrencyMappingRow, MappingsOverview } from '../../../shared/contract/mappings';
import { isUnsaved, useDeleteCurrencyMapping, useSavingIds } from '../../api/use-mappings';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CurrencyMappingForm } from './currency-mapping-form';
import { SectionNotice, messageOf, type SectionNoticeValue } from './section-notice';

type FormState = { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; row: CurrencyMappingRow };

export function CurrencyMappingsSection({ overview }: { overview: MappingsOverview }) {
  const [form, setForm] = useState<FormState>({ mode: 'closed' });
  const [notice, setNotice] = useState<SectionNoticeValue | null>(null);
  const [confirming, setConfirming] = useState<CurrencyMappingRow | null>(null);
  const remove = useDeleteCurrencyMapping();
  const saving = useSavingIds();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rows = overview.currencyMappings;
  const supported = overview.supportedCurrencies;

  const closeForm = (next: SectionNoticeValue | null) => {
    setForm({ mode: 'closed' });
    if (next !== null) setNotice(next);
    headingRef.current?.focus();
  };

  const confirmDelete = (row: CurrencyMappingRow) => {
    setConfirming(null);
    setNotice(null);
    headingRef.current?.focus();
    remove.mutateAsync(row).then(
      (result) =>
        setNotice(
          result.alreadyDeleted
            ? { tone: 'info', title: `The currency mapping "${row.sourceCurrency}" had already been deleted elsewhere.`, message: 'The list has been refreshed.' }
            : { tone: 'success', title: `The currency mapping "${row.sourceCurrency}" was deleted.` },
        ),
      (error: unknown) =>
        setNotice({ tone: 'error', title: `The currency mapping "${row.sourceCurrency}" was not deleted, and is back in the list`, message: messageOf(error) }),
    );
  };

  return (
    <section className="card" aria-labelledby="currency-mappings-title">
      <h2 id="currency-mappings-title" ref={headingRef} tabIndex={-1}>
        Currency mappings
      </h2>
      <p className="field__hint">
        The currency code of every document must be mapped to a currency Fiscal Harmony supports
        {supported.length === 0 ? '' : ` (${supported.join(', ')})`}.
      </p>

      <SectionNotice notice={notice} onDismiss={() => setNotice(null)} />

      {rows.length === 0 ? (
        <p>No currency mappings yet: documents cannot be fiscalised in any currency until one is added.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Your currency codes and the Fiscal Harmony currencies they are mapped to</caption>
            <thead>
              <tr>
                <th scope="col">Your currency code</th>
                <th scope="col">Fiscal Harmony currency</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const busy = isUnsaved(row) || saving.has(row.id);
                return (
                  <tr key={row.id} aria-busy={busy}>
                    <th scope="row" className="mono">
                      {row.sourceCurrency}
                    </th>
                    <td>{row.destinationCurrency}</td>
                    <td>
                      {busy ? (
                        <span className="badge">Saving…</span>
                      ) : row.supported ? (
                        <span className="badge badge--ok">Ready</span>
                      ) : (
                        <span className="badge badge--bad">Not supported</span>
                      )}
                    </td>
                    <td>
                      <div className="row-actions">
                        <button type="button" className="button" disabled={busy} onClick={() => setForm({ mode: 'edit', row })}>
                          Edit<span className="visually-hidden"> {row.sourceCurrency}</span>
                        </button>
                        <button type="button" className="button button--danger" disabled={busy} onClick={() => setConfirming(row)}>
                          Delete<span className="visually-hidden"> {row.sourceCurrency}</span>
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {form.mode === 'closed' ? (
        <div className="button-row">
          <button type="button" className="button" onClick={() => setForm({ mode: 'add' })} disabled={supported.length === 0}>
            Add a currency mapping
          </button>
        </div>
      ) : (
        <CurrencyMappingForm
          key={form.mode === 'edit' ? form.row.id : 'add'}
          editing={form.mode === 'edit' ? form.row : null}
          supported={supported}
          rows={rows}
          onClose={closeForm}
        />
      )}

      <ConfirmDialog
        open={confirming !== null}
        title={`Delete the currency mapping "${confirming?.sourceCurrency ?? ''}"?`}
        confirmLabel="Delete mapping"
        danger
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming !== null) confirmDelete(confirming);
        }}
      >
        <p>
          Without it, documents in <strong>{confirming?.sourceCurrency}</strong> cannot be fiscalised until the currency is mapped again.
        </p>
        <p>Documents already fiscalised are not affected.</p>
      </ConfirmDialog>
    </section>
  );
}
