import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { EDITABLE_STATES, type DocumentDetail } from '../../../shared/contract/documents';
import type { EntryOptions } from '../../../shared/contract/entry';
import { useCreditBasis, useDocument, useEntryOptions } from '../../api/use-documents';
import { Page } from '../../components/page';
import { ServiceError } from '../../components/service-error';
import { ErrorPanel, Loading } from '../../components/states';
import { CreditNoteStart } from './credit-note-start';
import { DocumentForm } from './document-form';
import { DraftsList } from './drafts-list';
import { newDraft } from './draft-state';
import { SentPanel } from './sent-panel';
import { UnfinishedBanner } from '../../components/unfinished-banner';
import './new-document.css';

/** What the address asks for: a new invoice, a credit note (from an invoice), or a document by id. */
export type EntryTarget = { kind: 'new' } | { kind: 'credit-search' } | { kind: 'credit'; from: string } | { kind: 'open'; id: string };

export function targetOf(pathname: string, search: string): EntryTarget {
  const rest = pathname.replace(/^\/new-document\/?/, '').replace(/\/$/, '');
  if (rest === '') return { kind: 'new' };
  if (rest === 'credit-note') {
    const from = new URLSearchParams(search).get('from');
    return from === null || from === '' ? { kind: 'credit-search' } : { kind: 'credit', from };
  }
  return { kind: 'open', id: rest };
}

function isCreditNote(target: EntryTarget, opened: DocumentDetail | undefined): boolean {
  return target.kind === 'credit' || target.kind === 'credit-search' || (target.kind === 'open' && opened?.draft.kind === 'credit-note');
}

/**
 * New invoice or credit note. The form keeps its place when its first autosave gives it an id
 * (the address then names the draft, so a restart reopens it), and starts afresh on "New".
 */
export function NewDocumentScreen() {
  const location = useLocation();
  const navigate = useNavigate();
  const [session, setSession] = useState<{ nonce: number; ownId: string | null; ownKey: string | null; ownTarget: EntryTarget | null }>({ nonce: 0, ownId: null, ownKey: null, ownTarget: null });
  const asked = targetOf(location.pathname, location.search);
  // The address names the form's own draft once it is saved: the same form carries on, nothing reloads.
  const target = asked.kind === 'open' && asked.id === session.ownId && session.ownTarget !== null ? session.ownTarget : asked;

  const keyOf = (t: EntryTarget): string => {
    if (session.ownTarget === t && session.ownKey !== null) return session.ownKey;
    if (t.kind === 'new') return `new-${session.nonce}`;
    if (t.kind === 'credit') return `credit-${t.from}-${session.nonce}`;
    if (t.kind === 'open') return `open-${t.id}`;
    return 'credit-search';
  };
  const key = keyOf(target);

  const onFirstSave = (id: string) => {
    setSession((s) => ({ ...s, ownId: id, ownKey: key, ownTarget: target }));
    void navigate(`/new-document/${id}`, { replace: true });
  };
  const onSent = (detail: DocumentDetail) => {
    setSession((s) => ({ nonce: s.nonce + 1, ownId: null, ownKey: null, ownTarget: null }));
    void navigate(`/new-document/${detail.id}`, { replace: true });
  };
  const onNew = () => {
    setSession((s) => ({ nonce: s.nonce + 1, ownId: null, ownKey: null, ownTarget: null }));
    void navigate('/new-document');
  };

  const currentId = asked.kind === 'open' ? asked.id : session.ownId;
  // A credit-note draft opened by its id (the drafts list, after a restart) is still a credit note.
  const opened = useDocument(target.kind === 'open' ? target.id : null);
  const showDraftsList = () => {
    const title = document.getElementById('drafts-title');
    title?.scrollIntoView({ block: 'start' });
    title?.focus();
  };
  return (
    <Page
      title={isCreditNote(target, opened.data) ? 'New credit note' : 'New invoice'}
      summary="Type it, check it, send it for fiscalisation. Drafts save as you type."
      actions={
        <div className="button-row">
          <button type="button" className="button" onClick={onNew}>
            New invoice
          </button>
          <Link className="button" to="/new-document/credit-note">
            New credit note
          </Link>
        </div>
      }
    >
      {target.kind === 'new' || target.kind === 'credit-search' ? <UnfinishedBanner currentId={currentId} onShowAll={showDraftsList} /> : null}
      <EntryBody key={key} target={target} onFirstSave={onFirstSave} onSent={onSent} onNew={onNew} />
      <DraftsList currentId={currentId} />
    </Page>
  );
}

interface BodyProps {
  target: EntryTarget;
  onFirstSave: (id: string) => void;
  onSent: (detail: DocumentDetail) => void;
  onNew: () => void;
}

function EntryBody(props: BodyProps) {
  const options = useEntryOptions();
  const { target } = props;
  if (target.kind === 'credit-search') return <CreditNoteStart />;
  if (options.isPending) return <Loading what="your tax codes and currencies" />;
  if (options.isError) return <ServiceError error={options.error} onRetry={() => void options.refetch()} what="tax codes and currencies" />;
  if (target.kind === 'new') {
    return <NewForm options={options.data} {...props} />;
  }
  if (target.kind === 'credit') return <CreditForm options={options.data} from={target.from} {...props} />;
  return <OpenDocument options={options.data} id={target.id} {...props} />;
}

function defaultsOf(options: EntryOptions): { currency: string; taxCode: string } {
  // The shop's standard rate, or no tax code at all: never the first code in the list (Exempt, silently).
  return { currency: options.currencies.find((c) => c.usable)?.code ?? '', taxCode: options.standardTaxCode ?? '' };
}

function NewForm(props: BodyProps & { options: EntryOptions }) {
  const [initial] = useState(() => ({ id: null, draft: newDraft('invoice', defaultsOf(props.options)), detail: null, credit: null }));
  return <DocumentForm options={props.options} initial={initial} onFirstSave={props.onFirstSave} onSent={props.onSent} />;
}

function CreditForm(props: BodyProps & { options: EntryOptions; from: string }) {
  const basis = useCreditBasis(props.from);
  const [initial, setInitial] = useState<Parameters<typeof DocumentForm>[0]['initial'] | null>(null);
  if (basis.isPending) return <Loading what="the invoice to credit" />;
  if (basis.isError) return <ErrorPanel error={basis.error} title="This invoice cannot be credited" />;
  const start = initial ?? { id: null, draft: basis.data.draft, detail: null, credit: basis.data.basis };
  if (initial === null) setInitial(start);
  return <DocumentForm options={props.options} initial={start} onFirstSave={props.onFirstSave} onSent={props.onSent} />;
}

function OpenDocument(props: BodyProps & { options: EntryOptions; id: string }) {
  const document = useDocument(props.id);
  const detail = document.data;
  const originalId = detail?.draft.kind === 'credit-note' && EDITABLE_STATES.includes(detail.state) ? detail.draft.originalInvoiceId : null;
  const basis = useCreditBasis(originalId);
  const [initial, setInitial] = useState<Parameters<typeof DocumentForm>[0]['initial'] | null>(null);
  if (document.isPending) return <Loading what="the document" />;
  if (document.isError) return <ErrorPanel error={document.error} title="This document could not be opened" onRetry={() => void document.refetch()} />;
  const live = document.data;
  // Sent (or refused for good): show it travelling, live, whatever was on screen before.
  if (!EDITABLE_STATES.includes(live.state)) return <SentPanel detail={live} onNew={props.onNew} />;
  if (initial === null && originalId !== null && basis.isPending) return <Loading what="the invoice it credits" />;
  const start = initial ?? { id: live.id, draft: live.draft, detail: live, credit: basis.data?.basis ?? null };
  if (initial === null) setInitial(start);
  return <DocumentForm options={props.options} initial={start} onFirstSave={props.onFirstSave} onSent={props.onSent} />;
}
