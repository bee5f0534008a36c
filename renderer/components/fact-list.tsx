import type { ReactNode } from 'react';

/** A definition list of label/value pairs; empty values show as a dash. */
export function FactList(props: { facts: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="facts">
      {props.facts.map(([label, value]) => (
        <div key={label} className="facts__row">
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === '' ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}
