import { useEffect, useState } from 'react';
import { useSetStationLabel } from '../../api/use-connections';
import { ErrorPanel } from '../../components/states';

/** This till's identity: the id Fiscal Harmony sees for audit (fixed) and a name for people. */
export function StationCard(props: { station: { id: string; label: string } }) {
  const [label, setLabel] = useState(props.station.label);
  const save = useSetStationLabel();
  const { reset } = save;
  // "Saved" stays until the name is changed again.
  useEffect(() => {
    if (label !== props.station.label) reset();
  }, [label, props.station.label, reset]);
  return (
    <section className="card" aria-labelledby="station-title">
      <h2 id="station-title">This till</h2>
      <p className="field__hint">Fiscal Harmony records which till sent each request. The name is for you and your colleagues.</p>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(label);
        }}
      >
        <div className="field">
          <label htmlFor="station-label">Name of this till</label>
          <input id="station-label" value={label} onChange={(event) => setLabel(event.target.value)} maxLength={60} />
        </div>
        <button type="submit" className="button" disabled={save.isPending || label.trim() === '' || label === props.station.label}>
          Save name
        </button>
        <span className="inline-status" role="status">
          {save.isSuccess && label === props.station.label ? 'Saved' : ''}
        </span>
      </form>
      {save.isError ? <ErrorPanel error={save.error} title="The name could not be saved" /> : null}
      <details className="details">
        <summary>Details</summary>
        <dl className="facts">
          <div className="facts__row">
            <dt>Station id</dt>
            <dd className="mono">{props.station.id}</dd>
          </div>
        </dl>
        <p className="field__hint">Made once for this installation and never changed; Fiscal Harmony support may ask for it.</p>
      </details>
    </section>
  );
}
