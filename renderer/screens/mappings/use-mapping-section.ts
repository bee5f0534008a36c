import { useRef, useState } from 'react';
import { messageOf } from '../../api/unwrap';
import { type SectionNoticeValue } from './section-notice';

export type FormState<Row> = { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; row: Row };

/**
 * What the tax and the currency mapping sections share: the open form, the notice, the delete
 * confirmation, and putting focus back on the section heading when a form or dialog closes.
 */
export function useMappingSection<Row>(options: {
  /** "tax mapping" or "currency mapping", for the notices. */
  noun: string;
  codeOf: (row: Row) => string;
  remove: (row: Row) => Promise<{ alreadyDeleted: boolean }>;
}) {
  const [form, setForm] = useState<FormState<Row>>({ mode: 'closed' });
  const [notice, setNotice] = useState<SectionNoticeValue | null>(null);
  const [confirming, setConfirming] = useState<Row | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const closeForm = (next: SectionNoticeValue | null) => {
    setForm({ mode: 'closed' });
    if (next !== null) setNotice(next);
    headingRef.current?.focus();
  };

  const confirmDelete = (row: Row) => {
    const what = `The ${options.noun} "${options.codeOf(row)}"`;
    setConfirming(null);
    setNotice(null);
    headingRef.current?.focus();
    options.remove(row).then(
      (result) =>
        setNotice(
          result.alreadyDeleted
            ? { tone: 'info', title: `${what} had already been deleted elsewhere.`, message: 'The list has been refreshed.' }
            : { tone: 'success', title: `${what} was deleted.` },
        ),
      (error: unknown) => setNotice({ tone: 'error', title: `${what} was not deleted, and is back in the list`, message: messageOf(error) }),
    );
  };

  return { form, setForm, notice, setNotice, confirming, setConfirming, headingRef, closeForm, confirmDelete };
}
