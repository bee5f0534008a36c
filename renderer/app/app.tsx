import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { createQueryClient } from '../api/query-client';
import { useAppInfo, useSettings } from '../api/use-app';
import { useEventInvalidation } from '../api/use-event-invalidation';
import { DisconnectedPage, useConnectionLost } from './disconnected';
import { ErrorBoundary } from './error-boundary';
import { NotConnectedPage, isNotConnected } from './not-connected';
import { ReadinessBanner } from './readiness-banner';
import { screens } from './screens';
import { Sidebar } from './sidebar';
import { SettingsRecoveryNotice } from './settings-recovery-notice';
import { TrainingBanner } from './training-banner';
import { useApplyTheme } from './theme';

function Shell() {
  useEventInvalidation();
  const settings = useSettings();
  const info = useAppInfo();
  useApplyTheme(settings.data?.theme);
  const lost = useConnectionLost();

  useEffect(() => {
    // End-to-end tests wait on this instead of guessing when the app is ready.
    if (info.isSuccess && settings.isSuccess) document.documentElement.dataset.appReady = 'true';
  }, [info.isSuccess, settings.isSuccess]);

  if (lost !== null) return <DisconnectedPage reason={lost} />;
  if (isNotConnected(info.error)) return <NotConnectedPage message={(info.error as Error).message} />;

  return (
    <div className="shell">
      <a className="skip-link" href="#main-content" onClick={(event) => {
        event.preventDefault();
        document.getElementById('main-content')?.focus();
      }}>
        Skip to content
      </a>
      <Sidebar />
      <main id="main-content" className="content" tabIndex={-1}>
        <SettingsRecoveryNotice />
        <TrainingBanner />
        <ReadinessBanner />
        <ErrorBoundary>
          <Routes>
            <Route path="/" element={<Navigate to="/home" replace />} />
            {screens.map((screen) => (
              <Route key={screen.path} path={`${screen.path}/*`} element={screen.element} />
            ))}
            <Route path="*" element={<Navigate to="/home" replace />} />
          </Routes>
        </ErrorBoundary>
      </main>
    </div>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <ErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <HashRouter>
          <Shell />
        </HashRouter>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
