import type { CurrencyMappingRow, MappingsOverview } from '../../../shared/contract/mappings';
import { isUnsaved, useDeleteCurrencyMapping, useSavingIds } from '../../api/use-mappings';
import { useReadiness } from '../../api/use-readiness';
import { Truncated } from '../../components/truncated';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CurrencyMappingForm } from './currency-mapping-form';
import { RowActions } from './row-actions';
import { SectionNotice } from './section-notice';
import { useMappingSection } from './use-mapping-section';

export function CurrencyMappingsSection({ overview }: { overview: MappingsOverview }) {
  const remove = useDeleteCurrencyMapping();
  const { form, setForm, notice, setNotice, confirming, setConfirming, headingRef, closeForm, confirmDelete } = useMappingSection<CurrencyMappingRow>({
    noun: 'currency mapping',
    codeOf: (row) => row.sourceCurrency,
    remove: (row) => remove.mutateAsync(row),
  });
  const saving = useSavingIds();
  // A row is only "Ready" when nothing else blocks fiscalisation (device, billing, certificate).
  const blocked = useReadiness().data?.level === 'blocked';
  const rows = overview.currencyMappings;
  const supported = overview.supportedCurrencies;

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
          <table className="table table--fit">
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
                    <th scope="row" className="mono nowrap">
                      <Truncated text={row.sourceCurrency} />
                    </th>
                    <td>{row.destinationCurrency}</td>
                    <td>
                      {busy ? (
                        <span className="badge">Saving…</span>
                      ) : !row.supported ? (
                        <span className="badge badge--bad">Not supported</span>
                      ) : blocked ? (
                        <span className="badge" title="The mapping is right, but something else blocks fiscalisation: see Home">
                          Mapped
                        </span>
                      ) : (
                        <span className="badge badge--ok">Ready</span>
                      )}
                    </td>
                    <td>
                      <RowActions code={row.sourceCurrency} editDisabled={busy} deleteDisabled={busy} onEdit={() => setForm({ mode: 'edit', row })} onDelete={() => setConfirming(row)} />
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
