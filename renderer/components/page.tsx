import { useEffect, useRef, type ReactNode } from 'react';

/** Whether a screen has been shown yet: the first one leaves focus alone, so Tab starts at the skip link. */
let firstScreenShown = false;

/** A screen's frame: one h1 (focused on arrival for screen readers), a summary, then the content. */
export function Page(props: { title: string; summary?: string; actions?: ReactNode; children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · Fiscal Desk`;
  }, [props.title]);
  useEffect(() => {
    // Moving to another screen moves focus to its heading, so keyboard and screen-reader users start there.
    if (firstScreenShown) headingRef.current?.focus({ preventScroll: true });
    firstScreenShown = true;
  }, []);
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
