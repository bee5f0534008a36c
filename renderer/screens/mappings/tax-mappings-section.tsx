import type { MappingsOverview, TaxMappingRow } from '../../../shared/contract/mappings';
import { isUnsaved, useDeleteTaxMapping, useSavingIds } from '../../api/use-mappings';
import { useReadiness } from '../../api/use-readiness';
import { isPast } from '../../components/format';
import { Truncated } from '../../components/truncated';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { RowActions } from './row-actions';
import { SectionNotice } from './section-notice';
import { useMappingSection } from './use-mapping-section';
import { SetupFromDevice } from './setup-from-device';
import { percentText } from './suggest-codes';
import { TaxMappingForm } from './tax-mapping-form';

export function TaxMappingsSection({ overview }: { overview: MappingsOverview }) {
  const remove = useDeleteTaxMapping();
  const { form, setForm, notice, setNotice, confirming, setConfirming, headingRef, closeForm, confirmDelete } = useMappingSection<TaxMappingRow>({
    noun: 'tax mapping',
    codeOf: (row) => row.taxCode,
    remove: (row) => remove.mutateAsync(row),
  });
  const saving = useSavingIds();
  const rows = overview.taxMappings;
  const stale = rows.filter((row) => row.stale);
  const canMap = overview.deviceTaxes.length > 0;
  // A row is only "Ready" when nothing else blocks fiscalisation (device, billing, certificate).
  const blocked = useReadiness().data?.level === 'blocked';

  return (
    <section className="card" aria-labelledby="tax-mappings-title">
      <h2 id="tax-mappings-title" ref={headingRef} tabIndex={-1}>
        Tax mappings
      </h2>
      <p className="field__hint">
        Every tax code on your invoice lines must be mapped to one of the fiscal device's taxes before the document can be fiscalised.
      </p>

      {overview.deviceProblem === null ? null : (
        <div className="notice notice--warning" role="status">
          <p className="notice__title">
            <strong>The device's taxes are not available</strong>
          </p>
          <p>{overview.deviceProblem}</p>
          <p>Tax mappings can be added once the device's taxes can be read.</p>
        </div>
      )}

      {canMap ? <SetupFromDevice overview={overview} /> : null}

      {stale.length === 0 ? null : (
        <div className="notice notice--warning" role="status">
          <p className="notice__title">
            <strong>
              {stale.length === 1 ? '1 mapping points' : `${stale.length} mappings point`} at a tax the device no longer lists
            </strong>
          </p>
          <p>
            Documents with {stale.map((row) => `"${row.taxCode}"`).join(', ')} cannot be fiscalised. Edit {stale.length === 1 ? 'it' : 'them'} to choose one of the
            device's taxes.
          </p>
        </div>
      )}

      <SectionNotice notice={notice} onDismiss={() => setNotice(null)} />

      {rows.length === 0 ? (
        <p>No tax mappings yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="table table--fit">
            <caption className="visually-hidden">Your tax codes and the device taxes they are mapped to</caption>
            <thead>
              <tr>
                <th scope="col">Your tax code</th>
                <th scope="col">Your name</th>
                <th scope="col">Device tax</th>
                <th scope="col" className="num">
                  Percent
                </th>
                <th scope="col" className="num">
                  Tax ID
                </th>
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
                      <Truncated text={row.taxCode} />
                    </th>
                    <td>
                      <Truncated text={row.taxName ?? '—'} />
                    </td>
                    <td>
                      <Truncated text={row.deviceTax?.name ?? (row.stale ? 'Not on the device' : 'Unknown')} />
                    </td>
                    <td className="num">{row.deviceTax === null ? '—' : percentText(row.deviceTax.percent)}</td>
                    <td className="num">{row.destinationTaxId}</td>
                    <td className="nowrap">
                      {busy ? (
                        <span className="badge">Saving…</span>
                      ) : row.stale ? (
                        <span className="badge badge--bad">Not on the device</span>
                      ) : row.deviceTax === null ? (
                        <span className="badge badge--warn">Not checked</span>
                      ) : isPast(row.deviceTax.validTill) ? (
                        <span className="badge badge--warn">Tax expired</span>
                      ) : blocked ? (
                        <span className="badge" title="The mapping is right, but something else blocks fiscalisation: see Home">
                          Mapped
                        </span>
                      ) : (
                        <span className="badge badge--ok">Ready</span>
                      )}
                    </td>
                    <td>
                      <RowActions code={row.taxCode} editDisabled={busy || !canMap} deleteDisabled={busy} onEdit={() => setForm({ mode: 'edit', row })} onDelete={() => setConfirming(row)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {form.mode === 'closed' ? (
        canMap ? (
          <div className="button-row">
            <button type="button" className="button" onClick={() => setForm({ mode: 'add' })}>
              Add a tax mapping
            </button>
          </div>
        ) : null
      ) : (
        <TaxMappingForm
          key={form.mode === 'edit' ? form.row.id : 'add'}
          editing={form.mode === 'edit' ? form.row : null}
          deviceTaxes={overview.deviceTaxes}
          rows={rows}
          onClose={closeForm}
        />
      )}

      <ConfirmDialog
        open={confirming !== null}
        title={`Delete the tax mapping "${confirming?.taxCode ?? ''}"?`}
        confirmLabel="Delete mapping"
        danger
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming !== null) confirmDelete(confirming);
        }}
      >
        <p>
          Without it, documents with tax code <strong>{confirming?.taxCode}</strong> on any line cannot be fiscalised until the code is mapped again.
        </p>
        <p>Documents already fiscalised are not affected.</p>
      </ConfirmDialog>
    </section>
  );
}
