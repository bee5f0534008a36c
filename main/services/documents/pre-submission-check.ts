import type { DocumentDraft } from '../../../shared/contract/documents';
import { resolveLineTax } from '../../../shared/domain/fiscal-harmony/document-checks';
import { draftFigures, type DraftFigures, type PercentOf } from '../../../shared/domain/fiscal-harmony/draft-figures';
import { parseFhDate } from '../../../shared/domain/fiscal-harmony/fh-date';
import { checkDraft, type CheckContext } from '../entry/draft-check';
import { isBlankLine } from '../entry/wire-document';

/**
 * What main knows when it checks a draft before queuing it: the mappings with the device taxes
 * they point at, the readiness verdict's reasons, and for a credit note its invoice as the
 * journal has it (with what earlier credit notes took). Invoice entry builds the same context.
 */
export type QueueCheckContext = CheckContext;

export type CompleteFigures = DraftFigures & { totals: NonNullable<DraftFigures['totals']> };

export interface QueueCheck {
  /** Form field path (`lines.0.hsCode`, `buyer.tin`, `currency`, `lines`, `document`) -> message with the fix. */
  problems: Record<string, string>;
  /** The figures to store and send, when nothing stands in the way. */
  figures: CompleteFigures | null;
  /** Each tax code's percent on the document's date, as the figures used it (undefined: not usable). */
  percentOf: PercentOf;
}

/**
 * The pre-submission check of documents:queue and documents:resend: exactly the check invoice
 * entry runs while the manager types (main/services/entry/draft-check.ts: every rule Fiscal
 * Harmony applies, shared with the sandbox, plus the form's own), so nothing is queued that the
 * form would have stopped. A queued document has no blank lines: the wire numbers lines as stored.
 */
export function checkBeforeQueue(draft: DocumentDraft, context: QueueCheckContext): QueueCheck {
  const problems: Record<string, string> = {};
  const add = (field: string, message: string): void => {
    problems[field] ??= message;
  };
  const check = checkDraft(draft, context);
  for (const problem of check.problems) add(problem.field, `${problem.message} ${problem.fix}`);
  draft.lines.forEach((line, i) => {
    if (isBlankLine(line) && draft.lines.length > 1) add(`lines.${i}.description`, `Line ${i + 1} is empty. Type it, or remove it.`);
  });
  const date = parseFhDate(check.date) ?? context.now;
  const percentOf: PercentOf = (code) => {
    const resolved = resolveLineTax(context.mappings, code, date);
    return resolved.ok ? resolved.tax.percent : undefined;
  };
  const figures = draftFigures(draft, percentOf);
  const complete = figures.totals === null ? null : { ...figures, totals: figures.totals };
  if (complete === null) add('lines', 'Some lines are not complete yet. Give every line a quantity, a unit price and a mapped tax code.');
  return { problems, figures: Object.keys(problems).length === 0 ? complete : null, percentOf };
}
