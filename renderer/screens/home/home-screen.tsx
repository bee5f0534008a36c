import { Page } from '../../components/page';
import { FirstRunChecklist } from './first-run-checklist';
import { ReadinessPanel } from './readiness-panel';

/** Where Fiscal Desk opens: is fiscalisation working, and what is left to set up. */
export function HomeScreen() {
  return (
    <Page title="Home" summary="Whether fiscalisation works, and what is left to set up">
      <ReadinessPanel />
      <FirstRunChecklist />
      {/* DASHBOARD: the documents dashboard goes here, as <Dashboard /> from ./dashboard (owned by the Documents work). */}
    </Page>
  );
}
