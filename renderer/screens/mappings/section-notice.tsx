import { FiscalCallError } from '../../api/unwrap';

export interface SectionNoticeValue {
  tone: 'error' | 'info' | 'success';
  title: string;
  message?: string;
}

/** A message about the last change in a section, next to the table it concerns. */
export function SectionNotice(props: { notice: SectionNoticeValue | null; onDismiss: () => void }) {
  const { notice } = props;
  if (notice === null) return null;
  const tone = notice.tone === 'error' ? 'notice--error' : notice.tone === 'success' ? 'notice--success' : 'notice--info';
  return (
    <div className={`notice ${tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <p className="notice__title">
        <strong>{notice.title}</strong>
      </p>
      {notice.message === undefined ? null : <p>{notice.message}</p>}
      <button type="button" className="button" onClick={props.onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

export const isNotFound = (error: unknown): boolean => error instanceof FiscalCallError && error.code === 'NOT_FOUND';

/** Field problems main reported, when there are any (so a form can show them in place). */
export function fieldsOf(error: unknown): Record<string, string> | null {
  return error instanceof FiscalCallError && error.fields !== undefined && Object.keys(error.fields).length > 0 ? error.fields : null;
}
