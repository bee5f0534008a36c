import { useState, type FormEvent } from 'react';
import type { StandardRate } from '../../../shared/contract/settings';
import { FiscalCallError } from '../../api/unwrap';
import { useSetStandardRate, useStandardRate } from '../../api/use-app';
import { ServiceError } from '../../components/service-error';
import { ErrorPanel, Loading } from '../../components/states';
import { SelectField } from '../../components/select-field';
import { taxLabel } from '../new-document/lines-table';

const NONE = '';

/** The shop's standard rate: the tax code every new invoice line starts with (none: each line's tax is chosen). */
export function StandardRateSection() {
  const rate = useStandardRate();
  const save = useSetStandardRate();
  return (
    <section className="card" aria-labelledby="standard-rate-title">
      <h2 id="standard-rate-title">Standard rate</h2>
      {rate.isPending ? <Loading what="your tax codes" /> : null}
      {rate.isError ? <ServiceError error={rate.error} onRetry={() => void rate.refetch()} what="tax codes" /> : null}
      {rate.data === undefined ? null : <StandardRateForm key={JSON.stringify(rate.data)} rate={rate.data} save={save} />}
    </section>
  );
}

function StandardRateForm({ rate, save }: { rate: StandardRate; save: ReturnType<typeof useSetStandardRate> }) {
  // Nothing saved yet: the device's suggestion is offered, and only taken when the manager saves it.
  const [selected, setSelected] = useState(rate.taxCode ?? rate.proposed ?? NONE);
  const usable = rate.choices.filter((tax) => tax.usable);
  const proposed = usable.find((tax) => tax.code === rate.proposed);
  const error = save.error instanceof FiscalCallError ? save.error.fields?.taxCode : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(selected === NONE ? null : selected);
  };
  return (
    <>
      <p className="field__hint">
        The tax code each new invoice line starts with. You can still change it on any line. Without one, every line needs its tax chosen before the invoice can be sent.
      </p>
      {rate.taxCode === null ? (
        <p className="notice notice--warning" role="status">
          No standard rate is set yet: new lines start without a tax code.
          {proposed === undefined ? '' : ` Your fiscal device suggests ${proposed.code} (${taxLabel(proposed)}).`}
        </p>
      ) : null}
      <form aria-label="Standard rate" onSubmit={submit} noValidate>
        <SelectField label="Tax code of new lines" value={selected} onChange={(event) => setSelected(event.target.value)} error={error}>
          <option value={NONE}>None: choose the tax on each line</option>
          {usable.map((tax) => (
            <option key={tax.code} value={tax.code}>
              {tax.code}: {taxLabel(tax)}
              {tax.code === rate.proposed ? ' (suggested)' : ''}
            </option>
          ))}
        </SelectField>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            Save standard rate
          </button>
          <span className="inline-status" role="status">
            {save.isSuccess ? 'Saved' : ''}
          </span>
        </div>
      </form>
      {save.isError && error === undefined ? <ErrorPanel error={save.error} title="The standard rate could not be saved" /> : null}
    </>
  );
}
