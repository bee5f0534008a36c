import { useRef, useState } from 'react';
import type { ImportOutcome, ImportPreview } from '../../../shared/contract/import';
import { messageOf } from '../../api/unwrap';
import { useImportCancel, useImportProgress, useImportRun, useRejectedRows } from '../../api/use-import';

/** Drafts or queued at once, the import itself with its progress and Cancel, and what came of it. */
export function ImportRun(props: { preview: ImportPreview; onDone: (outcome: ImportOutcome) => void; busy: boolean }) {
  const { preview } = props;
  const [mode, setMode] = useState<'draft' | 'queue'>('queue');
  const stopped = useRef(false);
  const run = useImportRun(() => stopped.current);
  const cancel = useImportCancel();
  const rejected = useRejectedRows();
  const progress = useImportProgress(run.isPending ? preview.fileId : null);
  const ready = preview.summary.ready;
  const start = () => {
    stopped.current = false;
    run.mutate(
      { fileId: preview.fileId, settings: preview.settings, mode },
      { onSuccess: (outcome) => props.onDone(outcome) },
    );
  };
  return (
    <section className="card" aria-labelledby="import-run-title">
      <h2 id="import-run-title">Import these documents</h2>
      <p>
        {preview.summary.documents} documents in this file: {ready} ready, {preview.summary.withProblems} with problems ({preview.summary.rejectedRows} rows), {preview.summary.alreadyImported} imported before.
      </p>
      {ready === 0 && preview.summary.alreadyImported > 0 ? (
        <p className="notice notice--info" role="status">
          Everything in this file without problems was imported before: importing it again adds nothing.
        </p>
      ) : null}
      <fieldset className="radio-group" disabled={run.isPending}>
        <legend>When imported</legend>
        <label className="radio">
          <input type="radio" name="import-mode" value="queue" checked={mode === 'queue'} onChange={() => setMode('queue')} /> Queue them for sending now
        </label>
        <label className="radio">
          <input type="radio" name="import-mode" value="draft" checked={mode === 'draft'} onChange={() => setMode('draft')} /> Keep them as drafts to check first (in Documents)
        </label>
      </fieldset>
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={props.busy || run.isPending || ready === 0 || preview.missing.length > 0} onClick={start}>
          {ready === 1 ? 'Import 1 document' : `Import ${ready} documents`}
        </button>
        {run.isPending ? (
          <button
            type="button"
            className="button"
            disabled={cancel.isPending}
            onClick={() => {
              stopped.current = true;
              cancel.mutate(preview.fileId);
            }}
          >
            Cancel
          </button>
        ) : null}
        {preview.summary.withProblems > 0 ? (
          <button type="button" className="button" disabled={rejected.isPending} onClick={() => rejected.mutate({ fileId: preview.fileId, settings: preview.settings })}>
            Export the rejected rows
          </button>
        ) : null}
      </div>
      {run.isPending ? (
        <div className="import-progress" role="status">
          <label htmlFor="import-progress">{progress === null ? 'Starting the import…' : `Saved ${progress.done} of ${progress.total} documents`}</label>
          <progress id="import-progress" max={progress?.total ?? 1} value={progress?.done ?? 0} />
        </div>
      ) : null}
      {run.isError ? (
        <p role="alert" className="field__error">
          {messageOf(run.error)}
        </p>
      ) : null}
      {rejected.isError ? (
        <p role="alert" className="field__error">
          {messageOf(rejected.error)}
        </p>
      ) : null}
    </section>
  );
}
