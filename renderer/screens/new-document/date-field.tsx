import { useId, useRef, useState } from 'react';
import { catParts, formatFhDate, parseFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';

const TYPED = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})\s*$/;
/** The same rule for the browser's own check (the `pattern` attribute). */
const TYPED_PATTERN = String.raw`\s*\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2}\s*`;
const two = (n: number | string): string => String(n).padStart(2, '0');

/** "03/12/2026 14:30" (day first, 24-hour, CAT) from a Fiscal Harmony date; '' when there is none. */
export function toTypedDateTime(fhDate: string): string {
  const instant = parseFhDate(fhDate);
  if (instant === undefined) return fhDate;
  const p = catParts(instant);
  return `${two(p.day)}/${two(p.month)}/${p.year} ${two(p.hour)}:${two(p.minute)}`;
}

/** The Fiscal Harmony date (CAT) of "dd/mm/yyyy hh:mm"; null when it is not a real day and time. */
export function fromTypedDateTime(text: string): string | null {
  const m = TYPED.exec(text);
  if (m === null) return null;
  const [, day = '', month = '', year = '', hour = '', minute = ''] = m;
  const fh = `${year}-${two(month)}-${two(day)}T${two(hour)}:${minute}:00+02:00`;
  // parseFhDate refuses 31/02, 24:00 and month 13.
  return parseFhDate(fh) === undefined ? null : fh;
}

const HOW = 'Type it as dd/mm/yyyy hh:mm, 24-hour, e.g. 03/12/2026 14:30.';

/**
 * The document's date and time. Nearly every sale is "now" (the moment it is queued), so that is
 * what shows, as one Tab stop; "Backdate…" opens one day-first, 24-hour CAT field for a sale
 * written down earlier (an outage, a receipt book).
 */
export function DateTimeField(props: { value: string; error: string | undefined; onChange: (fhDate: string) => void; onBlur: () => void }) {
  const id = useId();
  const [open, setOpen] = useState(props.value !== '');
  const [text, setText] = useState(() => toTypedDateTime(props.value));
  const [typedWrong, setTypedWrong] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const backdate = useRef<HTMLButtonElement>(null);
  const error = typedWrong ? `This is not a date and time. ${HOW}` : props.error;

  if (!open) {
    return (
      <div className="field date-field">
        <span className="details__label" id={`${id}-label`}>
          Date and time
        </span>
        <span className="date-field__now">
          <span data-testid="date-now">Now (CAT)</span>
          <button
            ref={backdate}
            type="button"
            className="button button--small"
            data-field="date"
            aria-describedby={`${id}-label`}
            onClick={() => {
              const now = toTypedDateTime(formatFhDate(new Date()));
              setText(now);
              setOpen(true);
              props.onChange(fromTypedDateTime(now) ?? '');
              requestAnimationFrame(() => input.current?.focus());
            }}
          >
            Backdate…
          </button>
        </span>
        {props.error === undefined ? null : (
          <span className="field__error" role="alert">
            {props.error}
          </span>
        )}
      </div>
    );
  }

  return (
    <div className="field date-field">
      <label htmlFor={id}>Date and time (CAT)</label>
      <span id={`${id}-hint`} className="field__hint">
        dd/mm/yyyy hh:mm, 24-hour Zimbabwe time
      </span>
      <span className="date-field__typed">
        <input
          ref={input}
          id={id}
          type="text"
          data-field="date"
          inputMode="numeric"
          autoComplete="off"
          placeholder="dd/mm/yyyy hh:mm"
          pattern={TYPED_PATTERN}
          maxLength={20}
          value={text}
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={`${id}-hint${error === undefined ? '' : ` ${id}-error`}`}
          onChange={(event) => {
            const typed = event.target.value;
            setText(typed);
            const fh = fromTypedDateTime(typed);
            if (fh !== null) setTypedWrong(false);
            // What cannot be read is kept as typed: the check then stops sending on this field, never "now" by surprise.
            props.onChange(fh ?? typed.trim());
          }}
          onBlur={() => {
            setTypedWrong(text.trim() !== '' && fromTypedDateTime(text) === null);
            props.onBlur();
          }}
        />
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setOpen(false);
            setTypedWrong(false);
            setText('');
            props.onChange('');
            requestAnimationFrame(() => backdate.current?.focus());
          }}
        >
          Use now
        </button>
      </span>
      {error === undefined ? null : (
        <span id={`${id}-error`} className="field__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
