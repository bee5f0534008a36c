import { useState } from 'react';
import type { PracticeFailure } from '../../shared/contract/training';
import { usePractice, useSetPractice } from '../api/use-practice';
import { messageOf } from '../api/unwrap';
import './practice-failure.css';

const CHOICES: { failure: PracticeFailure; label: string }[] = [
  { failure: 'next-invoice-fails', label: 'Make the next invoice fail' },
  { failure: 'service-silent', label: 'Make Fiscal Harmony stop answering' },
  { failure: 'none', label: 'Back to normal' },
];

const NOW: Record<PracticeFailure, string> = {
  none: 'Now: the practice service works normally.',
  'next-invoice-fails': 'Now: the next invoice you send arrives, but its answer is lost on the way back. See what Fiscal Desk does about it.',
  'service-silent': 'Now: the practice service does not answer at all, as during an outage. Your documents wait and are sent once it answers again.',
};

/**
 * Training only: practise what happens when something goes wrong, with the practice service built
 * into Fiscal Desk (nothing here reaches ZIMRA). Lives on the training banner.
 */
export function PracticeFailure() {
  const practice = usePractice();
  const set = useSetPractice();
  const current = practice.data?.failure;
  // Opened by the manager, and open by itself while a failure is on (so it is never on unseen).
  const [opened, setOpened] = useState(false);
  const open = opened || (current !== undefined && current !== 'none');
  return (
    <details className="practice-failure" open={open} onToggle={(event) => setOpened(event.currentTarget.open)}>
      <summary>Practise a failure</summary>
      <div className="practice-failure__body" role="group" aria-label="Practise a failure">
        <div className="button-row">
          {CHOICES.map((choice) => (
            <button
              key={choice.failure}
              type="button"
              className="button"
              aria-pressed={current === choice.failure}
              disabled={set.isPending || current === undefined}
              onClick={() => set.mutate(choice.failure)}
            >
              {choice.label}
            </button>
          ))}
        </div>
        <p role="status" className="practice-failure__now">
          {current === undefined ? (practice.isError ? messageOf(practice.error) : 'Asking the practice service…') : NOW[current]}
        </p>
        {set.isError ? (
          <p role="alert" className="field__error">
            {messageOf(set.error)}
          </p>
        ) : null}
      </div>
    </details>
  );
}
