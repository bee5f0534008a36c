import { Link } from 'react-router';
import { useConnections } from '../../api/use-connections';
import { useFirstFiscalised } from '../../api/use-first-fiscalised';
import { useReadiness } from '../../api/use-readiness';
import { checklistSteps } from './checklist-steps';

/** From "just installed" to "ready": five steps, each ticked from real state, each with its button. */
export function FirstRunChecklist() {
  const connections = useConnections();
  const readiness = useReadiness();
  const firstFiscalised = useFirstFiscalised();
  const steps = checklistSteps({
    connections: connections.data,
    verdict: readiness.data,
    firstFiscalised: firstFiscalised.isError ? false : (firstFiscalised.data ?? false),
  });
  const done = steps.filter((step) => step.done).length;
  return (
    <section className="card checklist" aria-labelledby="checklist-title">
      <h2 id="checklist-title">Getting started</h2>
      <p className="checklist__progress">
        {done === steps.length ? 'All done: Fiscal Desk is set up.' : `${done} of ${steps.length} steps done`}
      </p>
      <ol className="checklist__steps">
        {steps.map((step) => (
          <li key={step.id} className={`checklist__step${step.done ? ' checklist__step--done' : ''}`}>
            <span className="checklist__mark" aria-hidden="true">
              {step.done ? '✓' : ''}
            </span>
            <div className="checklist__text">
              <h3 className="checklist__title">
                {step.title} <span className="visually-hidden">{step.done ? '(done)' : '(to do)'}</span>
              </h3>
              <p className="checklist__detail">{step.detail}</p>
            </div>
            <Link className={`button${step.done ? '' : ' button--primary'} checklist__action`} to={step.action.to}>
              {step.action.label}
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
