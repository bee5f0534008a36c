import { useEffect, useState } from 'react';
import type { ImportOutcome, ImportPreview, ImportSettings } from '../../../shared/contract/import';
import { messageOf } from '../../api/unwrap';
import { closeImportFile, useImportFile, useImportPreview, useImportTemplate } from '../../api/use-import';
import { Page } from '../../components/page';
import { FileChooser } from './file-chooser';
import { MappingForm } from './mapping-form';
import { DocumentsTable, ProblemsTable } from './preview-tables';
import { ImportRun } from './import-run';
import './import.css';

const SEPARATOR_WORDS: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'vertical bar' };

/** Invoices and credit notes from a spreadsheet or a till's export: choose, map, preview with the checks, import. */
export function ImportScreen() {
  const chosen = useImportFile();
  const again = useImportPreview();
  const template = useImportTemplate();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  const fileId = preview?.fileId ?? null;
  // The file's bytes are dropped in main once another file is chosen or the screen is left.
  useEffect(() => (fileId === null ? undefined : () => closeImportFile(fileId)), [fileId]);

  const onFile = (file: File) => {
    setOutcome(null);
    setPreview(null);
    again.reset();
    chosen.mutate(file, { onSuccess: setPreview });
  };
  const onSettings = (settings: ImportSettings) => {
    if (preview === null) return;
    again.mutate({ fileId: preview.fileId, settings }, { onSuccess: setPreview });
  };
  const onDone = (result: ImportOutcome) => {
    setOutcome(result);
    if (preview !== null) again.mutate({ fileId: preview.fileId, settings: preview.settings }, { onSuccess: setPreview });
  };
  const reading = preview?.reading;

  return (
    <Page
      title="Import"
      summary="Invoices and credit notes from a spreadsheet or a till's export, checked before anything is sent"
      actions={
        <button type="button" className="button" disabled={template.isPending} onClick={() => template.mutate()}>
          Download the template
        </button>
      }
    >
      <section className="card" aria-labelledby="import-file-title">
        <h2 id="import-file-title">File</h2>
        <FileChooser onFile={onFile} busy={chosen.isPending} />
        {chosen.isPending ? (
          <p className="loading" role="status">
            <span className="spinner" aria-hidden="true" /> Reading the file and checking every document…
          </p>
        ) : null}
        {chosen.isError ? (
          <div className="notice notice--error" role="alert">
            <h3 className="notice__title">This file cannot be imported</h3>
            <p>{messageOf(chosen.error)}</p>
          </div>
        ) : null}
        {reading === undefined || preview === null ? null : (
          <dl className="facts import-facts" aria-label="How the file was read">
            <dt>File</dt>
            <dd>{preview.fileName}</dd>
            <dt>Read as</dt>
            <dd>
              {reading.format.toUpperCase()}
              {reading.encoding === null ? '' : `, ${reading.encoding}`}
              {reading.separator === null ? '' : `, columns separated by ${SEPARATOR_WORDS[reading.separator] ?? reading.separator}`}
              {`, decimals with a ${reading.decimalComma ? 'comma' : 'point'}`}
            </dd>
            <dt>Rows</dt>
            <dd>{reading.rows} below the headings</dd>
            <dt>Fingerprint</dt>
            <dd className="mono">{reading.fingerprint}</dd>
          </dl>
        )}
      </section>
      {outcome === null ? null : (
        <div className={`notice ${outcome.saved > 0 ? 'notice--success' : 'notice--info'}`} role="status">
          <h2 className="notice__title">{outcome.cancelled ? 'Import cancelled' : 'Import finished'}</h2>
          <p>{outcome.message}</p>
          {outcome.notQueued.length === 0 ? null : (
            <ul>
              {outcome.notQueued.map((item) => (
                <li key={item.document}>
                  {item.document}: {item.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {again.isError ? (
        <p role="alert" className="field__error">
          {messageOf(again.error)}
        </p>
      ) : null}
      {preview === null ? null : (
        <>
          <MappingForm preview={preview} disabled={again.isPending} onChange={onSettings} />
          {preview.missing.length > 0 ? (
            <div className="notice notice--warning" role="status">
              <h2 className="notice__title">Choose the missing columns</h2>
              <p>Each line needs its {preview.missing.length === 1 ? 'column' : 'columns'} marked above before the documents can be checked.</p>
            </div>
          ) : (
            <>
              <ImportRun key={preview.fileId} preview={preview} busy={again.isPending} onDone={onDone} />
              <ProblemsTable preview={preview} />
              <DocumentsTable preview={preview} />
            </>
          )}
        </>
      )}
    </Page>
  );
}
