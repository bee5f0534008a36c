import type { ImportPreview, PreviewDocument } from '../../../shared/contract/import';
import { formatAmount } from '../../components/format';

const STATUS_WORDS: Record<PreviewDocument['status'], string> = { ready: 'Ready', problem: 'Has problems', 'already-imported': 'Imported before' };
const STATUS_BADGES: Record<PreviewDocument['status'], string> = { ready: 'badge badge--ok', problem: 'badge badge--bad', 'already-imported': 'badge' };

const rowsText = (rows: readonly number[]): string => (rows.length === 1 ? `${rows[0]}` : `${rows[0]}–${rows.at(-1)}`);

/** Each problem on its row and cell, in the words of invoice entry's check. */
export function ProblemsTable({ preview }: { preview: ImportPreview }) {
  if (preview.problems.length === 0) return null;
  const more = preview.summary.withProblems > 0 && preview.problems.length >= 1000;
  return (
    <section className="card" aria-labelledby="import-problems-title">
      <h2 id="import-problems-title">Problems ({preview.problems.length})</h2>
      <p className="field__hint">These documents are left out of the import. Fix them in the file and import it again: what was imported already is not imported twice.</p>
      {/* Focusable, so the keyboard scrolls it too. */}
      <div className="table-scroll import-scroll" tabIndex={0} role="region" aria-label="Problems, by row">
        <table className="table import-table" aria-labelledby="import-problems-title">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Cell</th>
              <th scope="col">Document</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {preview.problems.map((problem, i) => (
              <tr key={i}>
                <td className="num">{problem.row}</td>
                <td className="nowrap">{problem.cell === null ? '—' : `${problem.cell}${problem.column === null ? '' : ` (${problem.column})`}`}</td>
                <td className="nowrap">{problem.document}</td>
                <td>
                  {problem.message} <span className="import-fix">{problem.fix}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more ? <p className="field__hint">Only the first 1,000 problems are shown; the rejected rows export has all of them.</p> : null}
    </section>
  );
}

/** Every document with its lines and totals, as they would be saved. */
export function DocumentsTable({ preview }: { preview: ImportPreview }) {
  const { summary } = preview;
  return (
    <section className="card" aria-labelledby="import-documents-title">
      <h2 id="import-documents-title">Documents ({summary.documents})</h2>
      <div className="table-scroll import-scroll" tabIndex={0} role="region" aria-label="Documents, as they would be saved">
        <table className="table import-table" aria-labelledby="import-documents-title">
          <thead>
            <tr>
              <th scope="col">Document</th>
              <th scope="col">Rows</th>
              <th scope="col">Buyer</th>
              <th scope="col">Lines</th>
              <th scope="col" className="num">
                Total
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {preview.documents.map((document) => (
              <tr key={`${document.name}-${document.rows[0] ?? 0}`}>
                <td className="nowrap">
                  {document.name}
                  {document.kind === 'credit-note' ? <span className="import-kind"> (credit note)</span> : null}
                </td>
                <td className="nowrap">{rowsText(document.rows)}</td>
                <td>{document.buyerName}</td>
                <td>
                  <ul className="import-lines">
                    {document.lines.map((line, i) => (
                      <li key={i}>
                        {line.quantity} × {line.description} @ {line.unitAmount}
                        {line.lineAmount === null ? '' : ` = ${line.lineAmount}`}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="num nowrap">{document.totals === null ? '—' : formatAmount(document.totals.total, document.currency)}</td>
                <td>
                  <span className={STATUS_BADGES[document.status]}>{STATUS_WORDS[document.status]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.documents.length < summary.documents ? <p className="field__hint">The first {preview.documents.length} of {summary.documents} documents are shown; all of them are imported.</p> : null}
    </section>
  );
}
