import { useId, useRef, useState } from 'react';
import type { DeviceTax } from '../../../shared/contract/device';
import { sellerTaxCodeSchema, type MappingsOverview, type SetupFromDeviceResult } from '../../../shared/contract/mappings';
import { useSetupFromDevice } from '../../api/use-mappings';
import { isPast } from '../../components/format';
import { ErrorPanel } from '../../components/states';
import { percentText, suggestTaxCodes } from './suggest-codes';

interface Attempt {
  result: SetupFromDeviceResult;
  /** The device taxes by id, as they were when the mappings were created. */
  taxes: Map<number, DeviceTax>;
}

/**
 * Proposes one mapping per device tax that has none yet, with a suggested seller code the
 * manager can change, creates them in one go and reports each row's result.
 */
export function SetupFromDevice({ overview }: { overview: MappingsOverview }) {
  const setup = useSetupFromDevice();
  const [codes, setCodes] = useState<Record<number, string>>({});
  const [skipped, setSkipped] = useState<Record<number, boolean>>({});
  const [problems, setProblems] = useState<Record<number, string>>({});
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const titleId = useId();
  const inputs = useRef(new Map<number, HTMLInputElement>());

  const mappedTaxIds = new Set(overview.taxMappings.filter((row) => !row.stale).map((row) => row.destinationTaxId));
  // An expired tax is never proposed: documents mapped to it would be refused.
  const candidates = overview.deviceTaxes.filter((tax) => !mappedTaxIds.has(tax.id) && !isPast(tax.validTill));
  const existingCodes = overview.taxMappings.map((row) => row.taxCode);
  const suggested = suggestTaxCodes(candidates, existingCodes);
  const codeOf = (tax: DeviceTax) => codes[tax.id] ?? suggested.get(tax.id) ?? '';
  const chosen = candidates.filter((tax) => skipped[tax.id] !== true);

  if (candidates.length === 0 && attempt === null) return null;

  const validate = (): Record<number, string> => {
    const found: Record<number, string> = {};
    const seen = new Map<string, number>();
    for (const tax of chosen) {
      const parsed = sellerTaxCodeSchema.safeParse(codeOf(tax));
      if (!parsed.success) {
        found[tax.id] = parsed.error.issues[0]?.message ?? 'Check this code';
        continue;
      }
      if (existingCodes.includes(parsed.data)) found[tax.id] = `"${parsed.data}" is already mapped: choose another code`;
      else if (seen.has(parsed.data)) found[tax.id] = `"${parsed.data}" is already used above: each code can map to one tax only`;
      seen.set(parsed.data, tax.id);
    }
    return found;
  };

  const submit = () => {
    const found = validate();
    setProblems(found);
    const firstBad = chosen.find((tax) => found[tax.id] !== undefined);
    if (firstBad !== undefined) {
      inputs.current.get(firstBad.id)?.focus();
      return;
    }
    const taxes = new Map(overview.deviceTaxes.map((tax) => [tax.id, tax]));
    setAttempt(null);
    setup.mutateAsync({ rows: chosen.map((tax) => ({ taxCode: codeOf(tax).trim(), destinationTaxId: tax.id })) }).then(
      (result) => setAttempt({ result, taxes }),
      () => undefined, // shown from setup.error
    );
  };

  const progress = setup.progress;
  const none = overview.taxMappings.length === 0;

  return (
    <section className="setup" aria-labelledby={titleId}>
      <h3 id={titleId}>Set up from the device</h3>
      {candidates.length === 0 ? null : (
        <>
          <p>
            {none
              ? 'This account has no tax mappings yet. Fiscal Desk proposes one for each tax of the fiscal device. Check that each code is the one your invoices use, then create them.'
              : `${candidates.length === 1 ? '1 tax' : `${candidates.length} taxes`} of the fiscal device ${candidates.length === 1 ? 'has' : 'have'} no mapping yet.`}
          </p>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
            noValidate
          >
            <div className="table-scroll">
              <table className="table">
                <caption className="visually-hidden">Device taxes without a mapping, with the code proposed for each</caption>
                <thead>
                  <tr>
                    <th scope="col">Create</th>
                    <th scope="col">Device tax</th>
                    <th scope="col" className="num">
                      Percent
                    </th>
                    <th scope="col" className="num">
                      Tax ID
                    </th>
                    <th scope="col">Your tax code</th>
                  </tr>
                </thead>
                <tbody>
                  {candidates.map((tax) => {
                    const problem = skipped[tax.id] === true ? undefined : problems[tax.id];
                    const errorId = `${titleId}-error-${tax.id}`;
                    return (
                      <tr key={tax.id}>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={`Create a mapping for ${tax.name}`}
                            checked={skipped[tax.id] !== true}
                            disabled={setup.isPending}
                            onChange={(event) => setSkipped({ ...skipped, [tax.id]: !event.target.checked })}
                          />
                        </td>
                        <th scope="row">{tax.name}</th>
                        <td className="num">{percentText(tax.percent)}</td>
                        <td className="num">{tax.id}</td>
                        <td>
                          <input
                            ref={(element) => {
                              if (element === null) inputs.current.delete(tax.id);
                              else inputs.current.set(tax.id, element);
                            }}
                            className="setup__code"
                            aria-label={`Your tax code for ${tax.name}`}
                            aria-invalid={problem === undefined ? undefined : true}
                            aria-describedby={problem === undefined ? undefined : errorId}
                            autoComplete="off"
                            spellCheck={false}
                            value={codeOf(tax)}
                            disabled={setup.isPending || skipped[tax.id] === true}
                            onChange={(event) => setCodes({ ...codes, [tax.id]: event.target.value })}
                          />
                          {problem === undefined ? null : (
                            <span id={errorId} className="field__error setup__error">
                              {problem}
                            </span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {chosen.some((tax) => problems[tax.id] !== undefined) ? (
              <p className="field__error" role="alert">
                Some codes need a change before the mappings can be created.
              </p>
            ) : null}
            <div className="button-row">
              <button type="submit" className="button button--primary" disabled={setup.isPending || chosen.length === 0} aria-busy={setup.isPending}>
                {setup.isPending ? 'Creating…' : `Create ${chosen.length} ${chosen.length === 1 ? 'mapping' : 'mappings'}`}
              </button>
            </div>
          </form>
        </>
      )}

      {progress === null ? null : (
        <div className="setup__progress" role="status">
          <progress max={progress.total} value={progress.done} aria-label="Mappings tried so far" />
          <span>
            {progress.done} of {progress.total} done…
          </span>
        </div>
      )}

      {setup.isError ? <ErrorPanel error={setup.error} title="The mappings could not be created" /> : null}

      {attempt === null ? null : <SetupResults attempt={attempt} onDismiss={() => setAttempt(null)} />}
    </section>
  );
}

function SetupResults({ attempt, onDismiss }: { attempt: Attempt; onDismiss: () => void }) {
  const { result, taxes } = attempt;
  const total = result.results.length;
  const title =
    result.failed === 0
      ? `${result.created} ${result.created === 1 ? 'mapping' : 'mappings'} created`
      : `${result.created} of ${total} mappings created; ${result.failed} failed`;
  return (
    <div className={`notice ${result.failed === 0 ? 'notice--success' : 'notice--warning'}`} role="status">
      <p className="notice__title">
        <strong>{title}</strong>
      </p>
      <ul className="setup__results">
        {result.results.map((row, index) => {
          const tax = taxes.get(row.destinationTaxId);
          const target = tax === undefined ? `tax ID ${row.destinationTaxId}` : `${tax.name} (${percentText(tax.percent)})`;
          return (
            <li key={`${row.destinationTaxId}-${index}`}>
              <span className={`badge ${row.ok ? 'badge--ok' : 'badge--bad'}`}>{row.ok ? 'Created' : 'Failed'}</span> <span className="mono">{row.taxCode}</span> → {target}
              {row.ok ? null : <>: {row.message}</>}
            </li>
          );
        })}
      </ul>
      {result.failed === 0 ? null : <p>The taxes that failed are still proposed above: change what is needed and create them again.</p>}
      <button type="button" className="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
