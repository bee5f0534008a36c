import type { DocumentState } from '../../../shared/contract/documents';
import { STATE_LABELS } from './history-filters';

const TONE: Record<DocumentState, string> = {
  draft: '',
  queued: '',
  sending: '',
  submitted: '',
  fiscalised: 'badge--ok',
  'needs-fix': 'badge--warn',
  rejected: 'badge--bad',
  'needs-attention': 'badge--bad',
};

export function StateBadge({ state }: { state: DocumentState }) {
  return <span className={`badge ${TONE[state]}`.trim()}>{STATE_LABELS[state]}</span>;
}
