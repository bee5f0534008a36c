import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface TabEntry {
  key: string;
  label: string;
  /** Drawn once the tab is first chosen, and kept while another one is shown. */
  panel: () => ReactNode;
}

/**
 * Tabs (the WAI-ARIA tabs pattern): one Tab stop on the chosen tab, Left and Right (Home, End)
 * choose another, its panel follows at once; a panel is drawn only once its tab has been chosen,
 * so a heavy one (a PDF) costs nothing until it is asked for.
 */
export function Tabs(props: { label: string; tabs: readonly TabEntry[] }) {
  const { tabs } = props;
  const [chosen, setChosen] = useState(tabs[0]?.key ?? '');
  const [seen, setSeen] = useState<ReadonlySet<string>>(() => new Set([chosen]));
  const list = useRef<HTMLDivElement>(null);
  const id = useId();

  const choose = (key: string, focus: boolean) => {
    setChosen(key);
    setSeen((current) => (current.has(key) ? current : new Set(current).add(key)));
    if (focus) list.current?.querySelector<HTMLElement>(`[data-tab="${CSS.escape(key)}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.key === chosen);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % tabs.length
      : event.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? tabs.length - 1
      : null;
    const tab = next === null ? undefined : tabs[next];
    if (tab === undefined) return;
    event.preventDefault();
    choose(tab.key, true);
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label={props.label} className="tabs__list" ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            data-tab={tab.key}
            id={`${id}-${tab.key}-tab`}
            aria-selected={tab.key === chosen}
            aria-controls={`${id}-${tab.key}-panel`}
            tabIndex={tab.key === chosen ? 0 : -1}
            className="tabs__tab"
            onClick={() => choose(tab.key, false)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.key} role="tabpanel" id={`${id}-${tab.key}-panel`} aria-labelledby={`${id}-${tab.key}-tab`} hidden={tab.key !== chosen} className="tabs__panel">
          {seen.has(tab.key) ? tab.panel() : null}
        </div>
      ))}
    </div>
  );
}
