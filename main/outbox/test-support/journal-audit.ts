// What the outbox's guarantees look like from outside: every document in a final state with its
// reason, no second fiscal document at the service for any id, numbers without gaps or reuse.
import type { DocumentState } from '../../../shared/contract/documents';
import type { RunningSandbox } from '../../sandbox/fiscal-harmony-sandbox';
import type { DocumentRow } from '../../store/journal/document-rows';
import type { Journal } from '../../store/journal/journal';

export const FINAL_STATES: readonly DocumentState[] = ['fiscalised', 'needs-fix', 'rejected', 'needs-attention'];

export interface Audit {
  byState: Partial<Record<DocumentState, number>>;
  /** Documents not in a final state, or final without a reason where one is due. */
  unfinished: string[];
  /** Document ids (or seller's numbers, a second id for one sale) the service fiscalised more than once. */
  fiscalisedTwice: string[];
  /** Fiscalised here but not at the service, or with another verification code. */
  mismatched: string[];
  /** Seller's numbers given twice, or missing between the first and the last. */
  numberProblems: string[];
}

export function auditJournal(journal: Journal, sandbox: RunningSandbox, apiKey: string): Audit {
  const rows = journal.db.prepare(`SELECT * FROM documents WHERE state <> 'draft'`).all() as unknown as DocumentRow[];
  const byState: Partial<Record<DocumentState, number>> = {};
  const unfinished: string[] = [];
  for (const row of rows) {
    byState[row.state] = (byState[row.state] ?? 0) + 1;
    if (!FINAL_STATES.includes(row.state)) unfinished.push(`${row.id} is ${row.state}`);
    else if (row.state !== 'fiscalised' && row.service_error === null && row.state !== 'needs-attention') unfinished.push(`${row.id} is ${row.state} without a reason`);
  }
  const fiscal = new Map<string, string[]>();
  const numbers = new Map<string, number>();
  for (const doc of sandbox.documents(apiKey)) {
    if (doc.result?.success !== true) continue;
    fiscal.set(doc.documentId, [...(fiscal.get(doc.documentId) ?? []), doc.result.fiscal?.verificationCode ?? '']);
    numbers.set(doc.documentNumber, (numbers.get(doc.documentNumber) ?? 0) + 1);
  }
  const fiscalisedTwice = [
    ...[...fiscal].filter(([, codes]) => codes.length > 1).map(([id]) => `id ${id}`),
    ...[...numbers].filter(([, count]) => count > 1).map(([number]) => `number ${number}`),
  ];
  const mismatched = rows
    .filter((row) => row.state === 'fiscalised' && fiscal.get(row.id)?.[0] !== row.verification_code)
    .map((row) => row.id);
  return { byState, unfinished, fiscalisedTwice, mismatched, numberProblems: numberProblems(rows) };
}

function numberProblems(rows: readonly DocumentRow[]): string[] {
  const problems: string[] = [];
  const byPrefix = new Map<string, number[]>();
  for (const row of rows) {
    const match = /^(.*?)(\d+)$/.exec(row.number ?? '');
    if (match === null) {
      problems.push(`${row.id} has no number`);
      continue;
    }
    const key = `${row.profile_id} ${row.kind} ${match[1] ?? ''}`;
    byPrefix.set(key, [...(byPrefix.get(key) ?? []), Number(match[2])]);
  }
  for (const [key, values] of byPrefix) {
    const sorted = [...values].sort((a, b) => a - b);
    sorted.forEach((value, i) => {
      if (i > 0 && value === sorted[i - 1]) problems.push(`${key}: ${value} given twice`);
    });
    const unique = [...new Set(sorted)];
    if (unique[0] !== 1 || unique.at(-1) !== unique.length) problems.push(`${key}: numbers 1..${unique.at(-1) ?? 0} have gaps (${unique.length} given)`);
  }
  return problems;
}
