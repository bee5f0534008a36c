import { useEffect, useRef, type ReactNode } from 'react';

/** A screen's frame: one h1 (focused on arrival for screen readers), a summary, then the content. */
export function Page(props: { title: string; summary?: string; actions?: ReactNode; children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · Fiscal Desk`;
  }, [props.title]);
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page__header">
        <div>
          <h1 id="page-title" ref={headingRef} tabIndex={-1}>
            {props.title}
          </h1>
          {props.summary === undefined ? null : <p className="page__summary">{props.summary}</p>}
        </div>
        {props.actions === undefined ? null : <div className="page__actions">{props.actions}</div>}
      </header>
      {props.children}
    </section>
  );
}
