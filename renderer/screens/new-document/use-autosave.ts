import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentDetail, DocumentDraft } from '../../../shared/contract/documents';
import { useSaveDraft } from '../../api/use-documents';
import { withoutBlankLines } from './draft-state';

/** How long typing may pause before the draft is written to the journal. */
export const AUTOSAVE_DELAY_MS = 400;

export type AutosaveStatus = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed'; error: unknown };

/**
 * Writes the draft to the journal shortly after each edit (and at once on `flush`), one save at
 * a time, so a crash, a restart or a closed window loses at most the last keystrokes.
 */
export function useAutosave(draft: DocumentDraft, initialId: string | null, onFirstSave: (detail: DocumentDetail) => void) {
  const save = useSaveDraft();
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'idle' });
  const id = useRef(initialId);
  const latest = useRef(draft);
  const dirty = useRef(false);
  const chain = useRef<Promise<string | null>>(Promise.resolve(initialId));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { mutateAsync } = save;

  const firstSave = useRef(onFirstSave);
  useEffect(() => {
    latest.current = draft;
    firstSave.current = onFirstSave;
  });

  /** Runs one save after the ones before it; rejects when this save fails. */
  const run = useCallback((): Promise<string | null> => {
    clearTimeout(timer.current);
    const next = chain.current
      .catch(() => id.current)
      .then(async () => {
        if (!dirty.current) return id.current;
        dirty.current = false;
        setStatus({ kind: 'saving' });
        try {
          const detail = await mutateAsync({ ...(id.current === null ? {} : { id: id.current }), draft: withoutBlankLines(latest.current) });
          const first = id.current === null;
          id.current = detail.id;
          // Typed on while this save ran: the next save is already on its way.
          setStatus(dirty.current ? { kind: 'pending' } : { kind: 'saved', at: new Date() });
          if (first) firstSave.current(detail);
          return detail.id;
        } catch (error) {
          dirty.current = true;
          setStatus({ kind: 'failed', error });
          throw error;
        }
      });
    chain.current = next;
    return next;
  }, [mutateAsync]);

  const flush = useCallback((): Promise<string | null> => run().catch(() => id.current), [run]);

  /** Marks an edit by the manager (loading a document is not one). */
  const touched = useCallback(() => {
    dirty.current = true;
    setStatus((current) => (current.kind === 'pending' ? current : { kind: 'pending' }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, [flush]);

  useEffect(() => {
    // Leaving the screen: write what is typed now rather than drop the last edit.
    const beforeUnload = () => {
      if (dirty.current) void flush();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      if (dirty.current) void flush();
    };
  }, [flush]);

  /** Saves what is typed now and answers the document's id (rejects when the save fails). */
  const saveNow = useCallback(async (): Promise<string> => {
    dirty.current = true;
    const saved = await run();
    if (saved === null) throw new Error('The draft could not be saved');
    return saved;
  }, [run]);

  return { status, touched, flush, saveNow, id };
}
