import { useRef, type KeyboardEvent } from 'react';
import { NavLink } from 'react-router';
import { useShopReach } from '../api/use-shop-office';
import { ConnectionSwitcher } from './connection-switcher';
import { OutboxGlance } from './outbox-glance';
import { NavIcon } from './nav-icons';
import { ReadinessIndicator } from './readiness-indicator';
import { screens } from './screens';

/** The main navigation. Tab reaches it; arrow keys, Home and End move between its links. */
export function Sidebar() {
  const listRef = useRef<HTMLUListElement>(null);
  const backOffice = useShopReach().data?.available === true;

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const links = [...(listRef.current?.querySelectorAll<HTMLAnchorElement>('a') ?? [])];
    const current = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (current < 0) return;
    const next =
      event.key === 'ArrowDown' ? (current + 1) % links.length
      : event.key === 'ArrowUp' ? (current - 1 + links.length) % links.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? links.length - 1
      : null;
    if (next === null) return;
    event.preventDefault();
    links[next]?.focus();
  };

  return (
    <nav className="sidebar" aria-label="Main">
      <div className="sidebar__brand" aria-hidden="true">
        Fiscal Desk
      </div>
      {/* Below 1000 px these two sit in a bar above the screen and the links shrink to icons. */}
      <div className="sidebar__top">
        <ConnectionSwitcher />
        <ReadinessIndicator />
      </div>
      <ul className="sidebar__list" ref={listRef} onKeyDown={onKeyDown}>
        {screens.filter((screen) => screen.backOffice !== true || backOffice).map((screen) => (
          <li key={screen.path}>
            <NavLink
              to={screen.path}
              className="sidebar__link"
              title={screen.soon === true ? `${screen.summary} (coming in a later version)` : screen.summary}
              {...(screen.soon === true ? { 'aria-describedby': 'sidebar-soon' } : {})}
            >
              <NavIcon path={screen.path} />
              {/* Also the icon's tooltip below 1000 px, on hover and keyboard focus; always the link's name. */}
              <span className="sidebar__label">{screen.label}</span>
              {screen.soon === true ? (
                <span className="sidebar__soon" aria-hidden="true">
                  soon
                </span>
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
      <OutboxGlance />
      <p id="sidebar-soon" className="visually-hidden">
        Coming in a later version
      </p>
    </nav>
  );
}
