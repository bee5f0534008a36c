import { useEffect, useId, useRef, useState, type ClipboardEvent, type Dispatch, type KeyboardEvent } from 'react';
import type { DocumentKind, LineDraft } from '../../../shared/contract/documents';
import type { EntryTaxCode, LineSuggestion } from '../../../shared/contract/entry';
import type { LineFigures } from '../../../shared/domain/fiscal-harmony/draft-figures';
import { useRememberedHsCode, useSuggestLines } from '../../api/use-documents';
import { formatAmount } from '../../components/format';
import { LINE_FIELDS, parsePastedRows, type DraftAction, type LineField } from './draft-state';
import { focusField } from './focus-field';

const COLUMN_LABEL: Record<LineField, string> = {
  description: 'Description',
  quantity: 'Quantity',
  unitAmount: 'Unit price',
  discountAmount: 'Discount',
  taxCode: 'Tax code',
  hsCode: 'HS code',
};

/** Columns every line must fill before it can be sent (the discount is the only optional one). */
const REQUIRED = new Set<LineField>(['description', 'quantity', 'unitAmount', 'taxCode', 'hsCode']);

export interface LinesTableProps {
  kind: DocumentKind;
  lines: readonly LineDraft[];
  figures: readonly LineFigures[];
  currency: string;
  taxCodes: readonly EntryTaxCode[];
  /** The message (with its fix) for a field path, when it has a problem to show. */
  errorOf: (path: string) => string | undefined;
  dispatch: Dispatch<DraftAction>;
  onTouched: (path: string) => void;
}

/** The lines as a keyboard-first grid: Enter adds a line, arrows move between lines, a pasted table fills rows. */
export function LinesTable(props: LinesTableProps) {
  const { kind, lines, dispatch } = props;
  const creditNote = kind === 'credit-note';
  const pendingFocus = useRef<string | null>(null);
  const datalistId = useId();
  /** Focus moves once the lines are on screen (a new or removed line renders first). */
  const setPendingFocus = (path: string) => {
    pendingFocus.current = path;
    if (focusField(path)) pendingFocus.current = null;
  };

  useEffect(() => {
    if (pendingFocus.current === null) return;
    if (focusField(pendingFocus.current)) pendingFocus.current = null;
  });

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement;
    const index = Number(target.dataset.line ?? 'NaN');
    const field = target.dataset.col as LineField | undefined;
    if (Number.isNaN(index) || field === undefined) return;
    if (target.getAttribute('aria-expanded') === 'true' && (event.key === 'Enter' || event.key === 'ArrowDown' || event.key === 'ArrowUp' || event.key === 'Escape')) return;
    const ctrl = event.ctrlKey || event.metaKey;
    if (event.key === 'Enter' && !ctrl && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      if (creditNote) {
        setPendingFocus(`lines.${Math.min(index + 1, lines.length - 1)}.quantity`);
        return;
      }
      dispatch({ type: 'addLine', after: index });
      setPendingFocus(`lines.${index + 1}.description`);
    } else if (ctrl && !event.shiftKey && event.key.toLowerCase() === 'd') {
      event.preventDefault();
      if (creditNote) return;
      dispatch({ type: 'duplicateLine', index });
      setPendingFocus(`lines.${index + 1}.${field}`);
    } else if (ctrl && event.shiftKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      dispatch({ type: 'removeLine', index });
      setPendingFocus(`lines.${Math.max(0, Math.min(index, lines.length - 2))}.${field}`);
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !ctrl && !event.altKey && !event.shiftKey) {
      const next = index + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0 || next >= lines.length) return;
      event.preventDefault();
      focusField(`lines.${next}.${field}`);
    }
  };

  const onPaste = (index: number, field: LineField) => (event: ClipboardEvent<HTMLInputElement>) => {
    if (creditNote) return;
    const rows = parsePastedRows(event.clipboardData.getData('text/plain'), field);
    if (rows === null) return;
    event.preventDefault();
    dispatch({ type: 'pasteLines', index, rows });
    for (let i = 0; i < rows.length; i += 1) LINE_FIELDS.forEach((f) => props.onTouched(`lines.${index + i}.${f}`));
    setPendingFocus(`lines.${index + rows.length - 1}.${field}`);
  };

  return (
    <div className="lines">
      <table className="table lines__table">
        <caption className="visually-hidden">{creditNote ? 'Lines credited' : 'Lines of the invoice'}</caption>
        <thead>
          <tr>
            <th scope="col" className="lines__n">
              #
            </th>
            {LINE_FIELDS.map((field) => (
              <th key={field} scope="col" className={`lines__${field}`}>
                {COLUMN_LABEL[field]}
                {REQUIRED.has(field) ? <RequiredMark /> : null}
              </th>
            ))}
            <th scope="col" className="num lines__amount">
              Amount
            </th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {lines.map((line, index) => (
            <LineRow
              key={index}
              {...props}
              index={index}
              line={line}
              figure={props.figures[index]}
              datalistId={datalistId}
              onPaste={onPaste}
              onRemove={() => {
                dispatch({ type: 'removeLine', index });
                setPendingFocus(`lines.${Math.max(0, Math.min(index, lines.length - 2))}.description`);
              }}
              onDuplicate={() => {
                dispatch({ type: 'duplicateLine', index });
                setPendingFocus(`lines.${index + 1}.description`);
              }}
            />
          ))}
        </tbody>
      </table>
      <datalist id={datalistId}>
        {props.taxCodes.map((tax) => (
          <option key={tax.code} value={tax.code}>
            {taxLabel(tax)}
          </option>
        ))}
      </datalist>
      {creditNote ? null : (
        <button
          type="button"
          className="button"
          onClick={() => {
            dispatch({ type: 'addLine', after: lines.length - 1 });
            setPendingFocus(`lines.${lines.length}.description`);
          }}
        >
          Add a line <kbd>Enter</kbd>
        </button>
      )}
    </div>
  );
}

function RequiredMark() {
  return (
    <>
      <span className="required-mark" aria-hidden="true" title="Required">
        *
      </span>
      <span className="visually-hidden"> (required)</span>
    </>
  );
}

export function taxLabel(tax: EntryTaxCode): string {
  if (!tax.usable) return `${tax.code}: no longer on the fiscal device`;
  if (tax.zimraName === null) return tax.code;
  const percent = tax.percent === null ? 'exempt' : `${tax.percent}%`;
  return tax.zimraName.includes('%') ? `${tax.zimraName}` : `${tax.zimraName} (${percent})`;
}

interface LineRowProps extends LinesTableProps {
  index: number;
  line: LineDraft;
  figure: LineFigures | undefined;
  datalistId: string;
  onPaste: (index: number, field: LineField) => (event: ClipboardEvent<HTMLInputElement>) => void;
  onRemove: () => void;
  onDuplicate: () => void;
}

function LineRow(props: LineRowProps) {
  const { index, line, kind, dispatch } = props;
  const n = index + 1;
  const creditNote = kind === 'credit-note';
  const tax = props.taxCodes.find((t) => t.code === line.taxCode.trim());
  const cell = (field: LineField, options: { inputMode?: 'decimal' | 'numeric' | 'text'; readOnly?: boolean; list?: string; className?: string } = {}) => {
    const path = `lines.${index}.${field}`;
    const error = props.errorOf(path);
    const errorId = `${path}-error`;
    return (
      <td className={`lines__${field}`} data-label={REQUIRED.has(field) ? `${COLUMN_LABEL[field]} *` : COLUMN_LABEL[field]}>
        <input
          type="text"
          data-field={path}
          data-line={index}
          data-col={field}
          aria-label={`Line ${n} ${COLUMN_LABEL[field].toLowerCase()}`}
          aria-required={REQUIRED.has(field) && !options.readOnly ? true : undefined}
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={error === undefined ? undefined : errorId}
          value={line[field]}
          inputMode={options.inputMode}
          readOnly={options.readOnly}
          list={options.list}
          autoComplete="off"
          spellCheck={field === 'description'}
          className={options.className}
          onChange={(event) => dispatch({ type: 'setLine', index, field, value: event.target.value })}
          onBlur={() => props.onTouched(path)}
          onPaste={props.onPaste(index, field)}
        />
        {field === 'taxCode' && tax !== undefined ? <span className="lines__tax-name">{taxLabel(tax)}</span> : null}
        {error === undefined ? null : (
          <span id={errorId} className="field__error">
            {error}
          </span>
        )}
      </td>
    );
  };
  return (
    <tr>
      <td className="lines__n">{n}</td>
      {creditNote ? cell('description', { readOnly: true }) : <DescriptionCell {...props} />}
      {cell('quantity', { inputMode: 'decimal' })}
      {cell('unitAmount', { inputMode: 'decimal', readOnly: creditNote })}
      {cell('discountAmount', { inputMode: 'decimal', readOnly: creditNote })}
      {cell('taxCode', creditNote ? { readOnly: true } : { list: props.datalistId })}
      {cell('hsCode', { inputMode: 'numeric', readOnly: creditNote })}
      <td className="num lines__amount" data-label="Amount">
        <span className="lines__amount-value" aria-label={`Line ${n} amount`}>
          {props.figure?.lineAmount === null || props.figure === undefined ? '—' : formatAmount(props.figure.lineAmount)}
        </span>
        <span className="lines__actions">
          {creditNote ? null : (
            <button type="button" className="button button--small" tabIndex={-1} onClick={props.onDuplicate} aria-label={`Copy line ${n}`} title="Copy the line below it (Ctrl+D)">
              Copy
            </button>
          )}
          <button type="button" className="button button--small" tabIndex={-1} onClick={props.onRemove} aria-label={`Remove line ${n}`} title="Remove line (Ctrl+Shift+K)">
            ×
          </button>
        </span>
      </td>
    </tr>
  );
}

/** The description, with earlier lines that start the same way offered below it (arrows pick, Enter takes). */
function DescriptionCell(props: LineRowProps) {
  const { index, line, dispatch } = props;
  const path = `lines.${index}.description`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useSuggestLines(open ? line.description : '', props.currency);
  const rememberedHsCode = useRememberedHsCode();
  const items = (open ? (suggestions.data ?? []) : []).filter((s) => s.description.toLowerCase() !== line.description.trim().toLowerCase() || line.hsCode === '');
  const listId = `${path}-suggestions`;
  const error = props.errorOf(path);
  const errorId = `${path}-error`;
  const expanded = items.length > 0;

  const take = (s: LineSuggestion) => {
    dispatch({ type: 'suggest', index, suggestion: s });
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!expanded) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (step > 0 ? (a + 1) % items.length : a <= 0 ? items.length - 1 : a - 1));
    } else if (event.key === 'Enter' && active >= 0 && active < items.length) {
      event.preventDefault();
      const s = items[active];
      if (s !== undefined) take(s);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <td className="lines__description" data-label={`${COLUMN_LABEL.description} *`}>
      <div className="combo">
        <input
          type="text"
          data-field={path}
          data-line={index}
          data-col="description"
          role="combobox"
          aria-label={`Line ${index + 1} description`}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={active >= 0 && active < items.length ? `${listId}-${active}` : undefined}
          aria-required
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={error === undefined ? undefined : errorId}
          value={line.description}
          autoComplete="off"
          onChange={(event) => {
            dispatch({ type: 'setLine', index, field: 'description', value: event.target.value });
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            props.onTouched(path);
            setOpen(false);
            // A product sold before gets its HS code back (only into an empty HS code field).
            if (line.hsCode.trim() !== '') return;
            const description = line.description;
            void rememberedHsCode(description, props.currency).then((hsCode) => {
              if (hsCode !== null) dispatch({ type: 'rememberHsCode', index, description, hsCode });
            });
          }}
          onPaste={props.onPaste(index, 'description')}
        />
        <ul id={listId} role="listbox" className="combo__list" aria-label="Earlier lines" hidden={!expanded}>
          {items.map((s, i) => (
            <li
              key={`${s.description}-${i}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className="combo__option"
              onMouseDown={(event) => {
                event.preventDefault();
                take(s);
              }}
            >
              <span>{s.description}</span>
              <span className="combo__meta">
                HS {s.hsCode} · {s.taxCode}
                {s.unitAmount === null ? '' : ` · ${formatAmount(s.unitAmount, s.currency)}`}
              </span>
            </li>
          ))}
        </ul>
      </div>
      {error === undefined ? null : (
        <span id={errorId} className="field__error">
          {error}
        </span>
      )}
    </td>
  );
}
