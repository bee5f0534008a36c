import { Page } from '../../components/page';
import { ErrorPanel, Loading } from '../../components/states';
import { useAppInfo, useSettings } from '../../api/use-app';
import { AppearanceSection } from './appearance-section';
import { NumberingSection } from './numbering-section';
import { ShopDatabaseSection } from './shop-database-section';
import { StandardRateSection } from './standard-rate-section';
import { UpdatesSection } from './updates-section';

export function SettingsScreen() {
  const settings = useSettings();
  const info = useAppInfo();
  return (
    <Page title="Settings" summary="How Fiscal Desk looks, how documents are numbered and how it stays up to date">
      {settings.isPending ? <Loading what="settings" /> : null}
      {settings.isError ? <ErrorPanel error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.data === undefined ? null : (
        <>
          <AppearanceSection theme={settings.data.theme} />
          <StandardRateSection />
          <NumberingSection />
          <ShopDatabaseSection />
          <UpdatesSection channel={settings.data.updateChannel} />
        </>
      )}
      {info.data === undefined ? null : (
        <section className="card" aria-labelledby="about-title">
          <h2 id="about-title">About</h2>
          <dl className="facts">
            <dt>Version</dt>
            <dd>{info.data.version}</dd>
            <dt>Running as</dt>
            <dd>{info.data.runtime === 'electron' ? 'Desktop app' : 'Browser mode (development and testing)'}</dd>
            <dt>Data folder</dt>
            <dd className="mono">{info.data.dataDirectory}</dd>
          </dl>
        </section>
      )}
    </Page>
  );
}
