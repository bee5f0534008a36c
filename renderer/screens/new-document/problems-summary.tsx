import { Link } from 'react-router';
import type { EntryProblem } from '../../../shared/contract/entry';
import { focusField } from './focus-field';

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
            {/* The message names its own place ("Line 1 needs an HS code."): nothing is put before it. */}
            <button type="button" className="link-button" onClick={() => focusField(problem.field)}>
              {problem.message}
            </button>{' '}
            <span className="problems__fix">{problem.fix}</span>
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
