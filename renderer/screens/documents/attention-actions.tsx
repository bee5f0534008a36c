import { useId, useState, type FormEvent } from 'react';
import type { DocumentDetail } from '../../../shared/contract/documents';
import { useCheckAttention, useConfirmFromPortal, useResendNeverArrived } from '../../api/use-documents';
import { FiscalCallError, messageOf } from '../../api/unwrap';
import { TextField } from '../../components/text-field';

/**
 * The ways out of "needs attention": ask Fiscal Harmony again, confirm from the portal, or (only
 * after a check found nothing) send it again as a retry. Main guards each; every step is in the timeline.
 */
export function AttentionActions({ document }: { document: DocumentDetail }) {
  const check = useCheckAttention();
  const confirm = useConfirmFromPortal();
  const resend = useResendNeverArrived();
  const [message, setMessage] = useState<string | null>(null);
  const [portalOpen, setPortalOpen] = useState(false);
  const [found, setFound] = useState('');
  const [foundError, setFoundError] = useState<string | undefined>(undefined);
  const titleId = useId();
  if (document.state !== 'needs-attention') return null;
  const busy = check.isPending || confirm.isPending || resend.isPending;
  const what = document.kind === 'invoice' ? 'invoice' : 'credit note';

  const submitFound = (event: FormEvent) => {
    event.preventDefault();
    setFoundError(undefined);
    confirm.mutate(
      { id: document.id, found },
      {
        onSuccess: () => setMessage(`Marked as fiscalised on your word, from the portal.`),
        onError: (error) => {
          const field = error instanceof FiscalCallError ? error.fields?.['found'] : undefined;
          if (field === undefined) setMessage(messageOf(error));
          else setFoundError(`${error.message} ${field}`);
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        Find out what happened to this {what}
      </h2>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => check.mutate(document.id, { onSuccess: (result) => setMessage(result.message), onError: (error) => setMessage(messageOf(error)) })}
        >
          {check.isPending ? 'Checking…' : 'Check with Fiscal Harmony'}
        </button>
        <button type="button" className="button" aria-expanded={portalOpen} disabled={busy} onClick={() => setPortalOpen(!portalOpen)}>
          I found it in the portal
        </button>
        {document.neverArrivedOffered ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              resend.mutate(document.id, {
                onSuccess: () => setMessage(`Sent again as a retry of the same ${what}: it cannot be fiscalised twice.`),
                onError: (error) => setMessage(messageOf(error)),
              })
            }
          >
            It never arrived: send it again
          </button>
        ) : null}
      </div>
      {portalOpen ? (
        <form onSubmit={submitFound} noValidate>
          <TextField
            label="Verification code or QR address"
            hint="As the Fiscal Harmony portal shows it: a code like 4C8F-2A1B-9D3E-7F60, or the whole QR address."
            error={foundError}
            value={found}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setFound(event.target.value)}
          />
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={busy || found.trim() === ''}>
              Mark as fiscalised
            </button>
          </div>
        </form>
      ) : null}
      <p role="status" aria-live="polite" className="list-actions__message">
        {message}
      </p>
    </section>
  );
}
