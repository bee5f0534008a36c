import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';

/** One choice of a menu: a link to another screen (`to`) or an action run where it is (`run`). */
export interface MenuChoice {
  key: string;
  label: string;
  to?: string;
  run?: () => void;
  disabled?: boolean;
}

/**
 * A button that opens a menu of choices (the WAI-ARIA menu button): Enter, Space or the arrow keys
 * open it on the first (or last) choice, the arrows, Home and End move, Escape closes it and gives
 * the keyboard back to the button, Tab or a click elsewhere closes it.
 */
export function MenuButton(props: { label: string; choices: readonly MenuChoice[] }) {
  const { choices } = props;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || root.current?.contains(event.target) !== true) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const openAt = (index: number) => {
    setActive(index);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 0 : choices.length - 1);
    }
  };
  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const last = choices.length - 1;
    const next =
      event.key === 'ArrowDown' ? (active + 1) % choices.length
      : event.key === 'ArrowUp' ? (active - 1 + choices.length) % choices.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (next !== null) {
      event.preventDefault();
      setActive(next);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  if (choices.length === 0) return null;
  return (
    <div className="menu-button" ref={root}>
      <button
        ref={button}
        type="button"
        className="button"
        id={`${id}-button`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        {props.label} <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <ul ref={menu} id={`${id}-menu`} role="menu" aria-labelledby={`${id}-button`} className="menu-button__menu" onKeyDown={onMenuKeyDown}>
          {choices.map((choice) => (
            <li key={choice.key} role="none">
              {choice.to === undefined ? (
                <button
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="menu-button__item"
                  disabled={choice.disabled}
                  onClick={() => {
                    close(true);
                    choice.run?.();
                  }}
                >
                  {choice.label}
                </button>
              ) : (
                <Link role="menuitem" tabIndex={-1} className="menu-button__item" to={choice.to} onClick={() => setOpen(false)}>
                  {choice.label}
                </Link>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
