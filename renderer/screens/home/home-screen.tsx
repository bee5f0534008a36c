import { Page } from '../../components/page';
import { UnfinishedBanner } from '../../components/unfinished-banner';
import { Dashboard } from './dashboard';
import { FirstRunChecklist } from './first-run-checklist';
import { ReadinessPanel } from './readiness-panel';

/** Where Fiscal Desk opens: is fiscalisation working, and what is left to set up. */
export function HomeScreen() {
  return (
    <Page title="Home" summary="Whether fiscalisation works, and what is left to set up">
      <UnfinishedBanner currentId={null} />
      <ReadinessPanel />
      <FirstRunChecklist />
      <Dashboard />
    </Page>
  );
}
