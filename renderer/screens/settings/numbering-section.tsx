import { useState, type FormEvent } from 'react';
import type { DocumentKind, Numbering, NumberingView } from '../../../shared/contract/documents';
import { kindInWords } from '../../../shared/domain/document-kind-words';
import { FiscalCallError } from '../../api/unwrap';
import { useNumbering, useSetNumbering } from '../../api/use-numbering';
import { ServiceError } from '../../components/service-error';
import { ErrorPanel, Loading } from '../../components/states';
import { TextField } from '../../components/text-field';

/** The active connection's numbering: prefixes, the next numbers, and confirming them after a lost journal. */
export function NumberingSection() {
  const numbering = useNumbering();
  // Here, not in the form: a saved view makes a fresh form, and "Saved" must outlive it.
  const save = useSetNumbering();
  return (
    <section className="card" aria-labelledby="numbering-title">
      <h2 id="numbering-title">Numbering</h2>
      {numbering.isPending ? <Loading what="the numbering" /> : null}
      {numbering.isError ? <ServiceError error={numbering.error} onRetry={() => void numbering.refetch()} what="numbering" /> : null}
      {/* A fresh form for each new view: what was saved is what the fields show. */}
      {numbering.data === undefined ? null : <NumberingForm key={JSON.stringify(numbering.data)} view={numbering.data} save={save} />}
    </section>
  );
}


function NumberingForm({ view, save }: { view: NumberingView; save: ReturnType<typeof useSetNumbering> }) {
  const [invoicePrefix, setInvoicePrefix] = useState(view.invoicePrefix);
  const [creditNotePrefix, setCreditNotePrefix] = useState(view.creditNotePrefix);
  const [nextInvoice, setNextInvoice] = useState('');
  const [nextCreditNote, setNextCreditNote] = useState('');
  const [typed, setTyped] = useState<Record<string, string>>({});
  const fields = { ...(save.error instanceof FiscalCallError ? (save.error.fields ?? {}) : {}), ...typed };
  const unconfirmed = new Set(view.unconfirmed);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    const value = (text: string, field: string, kind: DocumentKind): number | undefined => {
      if (text.trim() === '') {
        if (unconfirmed.has(kind)) problems[field] = `Enter the next ${kindInWords(kind)} number (the last one used in the Fiscal Harmony portal, plus one).`;
        return undefined;
      }
      if (!/^\d{1,12}$/.test(text.trim())) {
        problems[field] = 'Type a whole number, for example 42.';
        return undefined;
      }
      return Number(text.trim());
    };
    const input: Numbering = { invoicePrefix, creditNotePrefix };
    const invoiceValue = value(nextInvoice, 'nextInvoiceValue', 'invoice');
    const creditValue = value(nextCreditNote, 'nextCreditNoteValue', 'credit-note');
    if (invoiceValue !== undefined) input.nextInvoiceValue = invoiceValue;
    if (creditValue !== undefined) input.nextCreditNoteValue = creditValue;
    setTyped(problems);
    if (Object.keys(problems).length === 0) save.mutate(input);
  };

  const nextHint = (kind: DocumentKind): string => {
    const highest = kind === 'invoice' ? view.highestInvoiceValue : view.highestCreditNoteValue;
    const next = kind === 'invoice' ? view.nextInvoiceNumber : view.nextCreditNoteNumber;
    const above = highest === 0 ? '' : ` It must be above ${highest}, the highest this computer knows was used.`;
    return unconfirmed.has(kind)
      ? `Look up the last ${kindInWords(kind)} number used in the Fiscal Harmony portal and enter the one after it.${above}`
      : `Leave empty to go on with ${next}.${above}`;
  };

  return (
    <>
      <p className="field__hint">
        Each invoice and credit note gets the next number when it is sent. Numbers already given stay as they are; a new prefix applies to the next ones.
      </p>
      {view.blockedBecause === null ? null : (
        <div className="notice notice--error" role="alert">
          <h3 className="notice__title">Nothing can be sent until the next numbers are confirmed</h3>
          <p>{view.blockedBecause}</p>
        </div>
      )}
      {view.sharedPrefixWarning === null ? null : (
        <div className="notice notice--warning" role="status">
          <p>{view.sharedPrefixWarning} Give one of them another prefix here.</p>
        </div>
      )}
      <form aria-label="Numbering" onSubmit={submit} noValidate>
        <TextField
          label="Invoice prefix"
          value={invoicePrefix}
          maxLength={20}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setInvoicePrefix(event.target.value)}
          hint={`Next invoice: ${view.nextInvoiceNumber}`}
          error={fields.invoicePrefix}
        />
        <TextField
          label="Credit note prefix"
          value={creditNotePrefix}
          maxLength={20}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setCreditNotePrefix(event.target.value)}
          hint={`Next credit note: ${view.nextCreditNoteNumber}`}
          error={fields.creditNotePrefix}
        />
        <TextField
          label="Next invoice number"
          value={nextInvoice}
          inputMode="numeric"
          autoComplete="off"
          required={unconfirmed.has('invoice')}
          onChange={(event) => setNextInvoice(event.target.value)}
          hint={nextHint('invoice')}
          error={fields.nextInvoiceValue}
        />
        <TextField
          label="Next credit note number"
          value={nextCreditNote}
          inputMode="numeric"
          autoComplete="off"
          required={unconfirmed.has('credit-note')}
          onChange={(event) => setNextCreditNote(event.target.value)}
          hint={nextHint('credit-note')}
          error={fields.nextCreditNoteValue}
        />
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {unconfirmed.size > 0 ? 'Confirm the next numbers' : 'Save numbering'}
          </button>
          <span className="inline-status" role="status">
            {save.isSuccess ? 'Saved' : ''}
          </span>
        </div>
      </form>
      {save.isError && Object.keys(fields).length === 0 ? <ErrorPanel error={save.error} title="The numbering could not be saved" /> : null}
    </>
  );
}
