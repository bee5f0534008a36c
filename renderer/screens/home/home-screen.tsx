import { Page } from '../../components/page';
import { UnfinishedBanner } from '../../components/unfinished-banner';
import { shopScopeOf } from '../back-office/scope';
import { ScopeSwitch, useViewScope } from '../back-office/scope-switch';
import { ShopDashboard } from '../back-office/shop-dashboard';
import { Dashboard } from './dashboard';
import { FirstRunChecklist } from './first-run-checklist';
import { ReadinessPanel } from './readiness-panel';
import { ShopCopyNotice } from './shop-copy-notice';

/** Where Fiscal Desk opens: is fiscalisation working, and what is left to set up. */
export function HomeScreen() {
  const { scope, setScope } = useViewScope();
  const shopScope = shopScopeOf(scope);
  return (
    <Page title="Home" summary="Whether fiscalisation works, and what is left to set up">
      <UnfinishedBanner currentId={null} />
      <ReadinessPanel />
      <ShopCopyNotice />
      <FirstRunChecklist />
      <ScopeSwitch scope={scope} onChange={setScope} />
      {shopScope === null ? <Dashboard /> : <ShopDashboard scope={shopScope} />}
    </Page>
  );
}
