import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import type { CreditBasis, EntryCheckResult, EntryOptions, EntryProblem } from '../../../shared/contract/entry';
import type { DocumentDetail, DocumentDraft } from '../../../shared/contract/documents';
import { draftFigures } from '../../../shared/domain/fiscal-harmony/draft-figures';
import { useEntryCheck, useQueueDocument, useResendDocument } from '../../api/use-documents';
import { FiscalCallError, unwrap } from '../../api/unwrap';
import { fiscal } from '../../bridge/fiscal';
import { formatAmount, formatDateTime } from '../../components/format';
import { PAYMENT_LABEL } from '../../components/payment-labels';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { BuyerSection } from './buyer-section';
import { DateTimeField } from './date-field';
import { draftReducer, fieldsNamedByServiceError, withoutBlankLines, type DraftAction } from './draft-state';
import { focusField } from './focus-field';
import { LinesTable } from './lines-table';
import { ProblemsSummary } from './problems-summary';
import { ShortcutsHelp } from './shortcuts-help';
import { TotalsPanel } from './totals-panel';
import { useAutosave } from './use-autosave';
import { NoStandardRateHint } from './no-standard-rate-hint';

export interface DocumentFormProps {
  options: EntryOptions;
  initial: { id: string | null; draft: DocumentDraft; detail: DocumentDetail | null; credit: CreditBasis | null };
  /** The draft got its id (first save): the address can now name it. */
  onFirstSave: (id: string) => void;
  /** It was queued: show it as it travels. */
  onSent: (detail: DocumentDetail) => void;
}

/** The invoice or credit-note form: keyboard first, checked live, saved as typed. */
export function DocumentForm(props: DocumentFormProps) {
  const { options, initial } = props;
  const [draft, dispatch] = useReducer(draftReducer, initial.draft);
  const [docId, setDocId] = useState<string | null>(initial.id);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  const [sendCheck, setSendCheck] = useState<EntryCheckResult | null>(null);
  const [sendError, setSendError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [serviceFields, setServiceFields] = useState(() => fieldsNamedByServiceError(initial.detail?.state === 'needs-fix' ? initial.detail.serviceError : null));
  const creditNote = draft.kind === 'credit-note';
  const needsFix = initial.detail?.state === 'needs-fix';

  const onFirstSave = (detail: DocumentDetail) => {
    setDocId(detail.id);
    props.onFirstSave(detail.id);
  };
  const autosave = useAutosave(draft, initial.id, onFirstSave);
  const queue = useQueueDocument();
  const resend = useResendDocument();

  const edit = (action: DraftAction) => {
    dispatch(action);
    autosave.touched();
    setSendCheck(null);
    setSendError(null);
    const path =
      action.type === 'setLine' ? `lines.${action.index}.${action.field}`
      : action.type === 'setBuyer' ? `buyer.${action.field}`
      : action.type === 'set' ? action.field
      : null;
    if (path !== null && serviceFields.has(path)) {
      setServiceFields((fields) => {
        const next = new Map(fields);
        next.delete(path);
        return next;
      });
    }
  };
  const touch = useCallback((path: string) => setTouched((set) => (set.has(path) ? set : new Set(set).add(path))), []);

  const checkInput = useMemo(() => ({ ...(docId === null ? {} : { id: docId }), draft: withoutBlankLines(draft) }), [docId, draft]);
  const liveCheck = useEntryCheck(checkInput);
  const check = sendCheck ?? liveCheck.data ?? null;
  const problems: EntryProblem[] = check?.problems ?? [];

  const percentOf = useCallback(
    (code: string) => {
      const tax = options.taxCodes.find((t) => t.code === code);
      return tax === undefined || !tax.usable || (tax.zimraName === null && tax.percent === null) ? undefined : tax.percent;
    },
    [options.taxCodes],
  );
  const figures = useMemo(() => draftFigures(draft, percentOf), [draft, percentOf]);

  const errorOf = (path: string): string | undefined => {
    const fromSend = sendError?.fields[path];
    if (fromSend !== undefined) return fromSend;
    const problem = problems.find((p) => p.field === path);
    if (problem !== undefined && (attempted || touched.has(path))) return `${problem.message} ${problem.fix}`;
    const service = serviceFields.get(path);
    return service === undefined ? undefined : `Fiscal Harmony: ${service}`;
  };

  const sending = queue.isPending || resend.isPending;
  const send = async () => {
    if (sending) return;
    setAttempted(true);
    setSendError(null);
    try {
      const fresh = await unwrap(fiscal().entry.check(checkInput));
      setSendCheck(fresh);
      if (!fresh.ok) {
        requestAnimationFrame(() => document.getElementById('entry-problems')?.focus());
        return;
      }
      const id = await autosave.saveNow();
      const detail = needsFix ? await resend.mutateAsync(id) : await queue.mutateAsync(id);
      props.onSent(detail);
    } catch (error) {
      const message = error instanceof FiscalCallError || error instanceof Error ? error.message : 'The document could not be sent.';
      setSendError({ message, fields: error instanceof FiscalCallError ? (error.fields ?? {}) : {} });
    }
  };

  /**
   * "N to fix": each problem shown on its field, the keyboard on the first one of the check of
   * what is typed now (clicked just after typing, it waits for that check rather than going to a
   * field an earlier one named).
   */
  const focusWanted = useRef(false);
  const showProblems = () => {
    focusWanted.current = true;
    setAttempted(true);
  };
  const checkIsCurrent = sendCheck !== null || liveCheck.current;
  useEffect(() => {
    if (!focusWanted.current || !checkIsCurrent) return;
    focusWanted.current = false;
    const first = problems;
    requestAnimationFrame(() => focusFirstProblem(first));
  });

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter') return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      void send();
    } else if ((event.target as HTMLElement).tagName === 'INPUT') {
      // Enter never sends by accident: only Ctrl+Enter or the button does.
      event.preventDefault();
    }
  };

  const visibleProblems = attempted ? problems : problems.filter((p) => p.field === 'document');
  const what = creditNote ? 'credit note' : 'invoice';
  const currencies = options.currencies.some((c) => c.code === draft.currency) || draft.currency === '' ? options.currencies : [...options.currencies, { code: draft.currency, destination: '?', usable: false }];

  return (
    <form
      className="entry"
      aria-label={creditNote ? 'Credit note' : 'Invoice'}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
      noValidate
    >
      {needsFix && initial.detail !== null ? (
        <div className="notice notice--error" role="alert">
          <h2 className="notice__title">Fiscal Harmony refused this {what}</h2>
          <p>
            The reason given: <strong>"{initial.detail.serviceError ?? 'no reason given'}"</strong>
          </p>
          <p>Correct the marked fields, then send it again: it goes as a retry of the same document, so it can never be fiscalised twice.</p>
        </div>
      ) : null}
      {creditNote && initial.credit !== null ? <CreditHeader credit={initial.credit} total={figures.totals?.total ?? null} /> : null}

      {/* A credit note is for the invoice's buyer (ZIMRA, via Fiscal Harmony): shown, not edited. */}
      <BuyerSection buyer={draft.buyer} readOnly={creditNote} errorOf={errorOf} dispatch={edit} onTouched={touch} />

      <fieldset className="entry-section details">
        <legend>{creditNote ? 'Credit note' : 'Invoice'}</legend>
        <div className="details__grid">
          <DateTimeField value={draft.date} error={errorOf('date')} onChange={(value) => edit({ type: 'set', field: 'date', value })} onBlur={() => touch('date')} />
          <SelectField
            label="Currency"
            data-field="currency"
            value={draft.currency}
            disabled={creditNote}
            onChange={(event) => edit({ type: 'set', field: 'currency', value: event.target.value })}
            error={errorOf('currency')}
            hint={creditNote ? 'The invoice\'s currency' : undefined}
          >
            {draft.currency === '' ? <option value="">Choose…</option> : null}
            {currencies.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code}
                {c.destination !== c.code ? ` (sent as ${c.destination})` : ''}
                {c.usable ? '' : ' — not usable'}
              </option>
            ))}
          </SelectField>
          <SelectField label="Payment" value={draft.paymentMethod} onChange={(event) => edit({ type: 'setPayment', value: event.target.value as DocumentDraft['paymentMethod'] })}>
            {options.paymentMethods.map((method) => (
              <option key={method} value={method}>
                {PAYMENT_LABEL[method]}
              </option>
            ))}
          </SelectField>
          <div className="field">
            <span className="details__label">Prices</span>
            <label className="checkbox">
              <input type="checkbox" checked={draft.taxInclusive} disabled={creditNote} onChange={(event) => edit({ type: 'setTaxInclusive', value: event.target.checked })} /> Include tax
            </label>
          </div>
          <TextField
            label={creditNote ? 'Reason' : 'Reference'}
            hint={creditNote ? 'Required, e.g. "Goods returned"' : 'Order or PO number (optional)'}
            data-field="reference"
            value={draft.reference}
            onChange={(event) => edit({ type: 'set', field: 'reference', value: event.target.value })}
            onBlur={() => touch('reference')}
            error={errorOf('reference')}
            autoComplete="off"
          />
        </div>
      </fieldset>

      <section className="entry-section" aria-labelledby="lines-title">
        <h2 id="lines-title" className="section-title">
          {creditNote ? 'Lines credited (quantities can only go down)' : 'Lines'}
        </h2>
        {options.deviceProblem === null ? null : <p className="notice notice--warning">{options.deviceProblem}</p>}
        {creditNote || options.standardTaxCode !== null ? null : <NoStandardRateHint />}
        <div className="table-scroll">
          <LinesTable kind={draft.kind} lines={draft.lines} figures={figures.lines} currency={draft.currency} taxCodes={options.taxCodes} errorOf={errorOf} dispatch={edit} onTouched={touch} />
        </div>
        {errorOf('lines') === undefined ? null : (
          <p className="field__error" role="alert" data-field-error="lines">
            {errorOf('lines')}
          </p>
        )}
      </section>

      <TotalsPanel figures={figures} currency={draft.currency} taxInclusive={draft.taxInclusive} taxCodes={options.taxCodes} />

      <ProblemsSummary id="entry-problems" problems={visibleProblems} />
      {sendError === null ? null : (
        <div className="notice notice--error" role="alert">
          <h2 className="notice__title">Not sent</h2>
          <p>{sendError.message}</p>
        </div>
      )}

      <div className="entry__footer">
        <button type="submit" className="button button--primary" disabled={sending} aria-keyshortcuts="Control+Enter">
          {sending ? 'Sending…' : needsFix ? `Send again (Ctrl+Enter)` : `Check and send (Ctrl+Enter)`}
        </button>
        <span className="entry__status" role="status" aria-live="polite">
          <SaveStatus status={autosave.status} />
          {check === null ? null : check.ok ? ' · Ready to send' : (
            <>
              {' · '}
              <button type="button" className="link-button" onClick={showProblems}>
                {check.problems.length} to fix
              </button>
            </>
          )}
        </span>
        <span className="entry__total" aria-hidden="true">
          Total {figures.totals === null ? '—' : formatAmount(figures.totals.total, draft.currency)}
        </span>
        <ShortcutsHelp />
      </div>
    </form>
  );
}

function SaveStatus(props: { status: ReturnType<typeof useAutosave>['status'] }) {
  const { status } = props;
  if (status.kind === 'saving' || status.kind === 'pending') return <>Saving…</>;
  if (status.kind === 'saved') return <>Draft saved {formatDateTime(status.at)}</>;
  if (status.kind === 'failed') {
    const message = status.error instanceof FiscalCallError ? status.error.message : 'The draft could not be saved.';
    return <span className="field__error">Not saved: {message}</span>;
  }
  return <>Drafts save as you type</>;
}

function CreditHeader(props: { credit: CreditBasis; total: string | null }) {
  const { credit } = props;
  return (
    <div className="notice notice--info credit-header">
      <h2 className="notice__title">Credit note for invoice {credit.number ?? credit.invoiceId}</h2>
      <p>
        Invoice total {formatAmount(credit.total, credit.currency)} · already credited {formatAmount(credit.credited, credit.currency)} ·{' '}
        <strong data-testid="credit-remaining">remaining {formatAmount(credit.remaining, credit.currency)}</strong>
      </p>
      <p>This credit note: {props.total === null ? '—' : formatAmount(props.total, credit.currency)}</p>
    </div>
  );
}

/** Moves the keyboard to the first field with a problem. */
export function focusFirstProblem(problems: readonly EntryProblem[]): void {
  for (const p of problems) if (focusField(p.field)) return;
}
