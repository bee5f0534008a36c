import { Link } from 'react-router';
import type { EntryProblem } from '../../../shared/contract/entry';
import { focusField } from './focus-field';

const place = (field: string): string => {
  const line = /^lines\.(\d+)\./.exec(field);
  if (line !== null) return `Line ${Number(line[1]) + 1}`;
  if (field.startsWith('buyer.')) return 'Buyer';
  if (field === 'currency') return 'Currency';
  if (field === 'reference') return 'Reason';
  if (field === 'date') return 'Date';
  if (field === 'lines') return 'Lines';
  return 'Document';
};

/** Everything that stops sending, each with its fix; choosing one moves the keyboard to its field. */
export function ProblemsSummary(props: { problems: readonly EntryProblem[]; id: string }) {
  if (props.problems.length === 0) return null;
  return (
    <div className="notice notice--error problems" id={props.id} tabIndex={-1} role="region" aria-labelledby={`${props.id}-title`}>
      <h2 className="notice__title" id={`${props.id}-title`}>
        {props.problems.length === 1 ? 'One thing to fix before sending' : `${props.problems.length} things to fix before sending`}
      </h2>
      <ul className="problems__list">
        {props.problems.map((problem) => (
          <li key={`${problem.field}|${problem.rule}|${problem.message}`}>
            <button type="button" className="link-button" onClick={() => focusField(problem.field)}>
              {place(problem.field)}:
            </button>{' '}
            {problem.message} <span className="problems__fix">{problem.fix}</span>
            {problem.screen === null ? null : (
              <>
                {' '}
                <Link to={problem.screen}>Open {problem.screen.slice(1)}</Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
