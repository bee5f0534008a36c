import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Loading } from '../components/states';
import { DocumentsScreen } from '../screens/documents/documents-screen';
import { HomeScreen } from '../screens/home/home-screen';
import { NewDocumentScreen } from '../screens/new-document/new-document-screen';

export interface ScreenEntry {
  path: string;
  label: string;
  /** One line for the sidebar's tooltip and the screen's subtitle. */
  summary: string;
  element: ReactNode;
  /** Not built yet: the sidebar marks it "soon" (remove when the screen ships). */
  soon?: boolean;
  /** Listed in the sidebar only where the shop database lets this computer read every till. */
  backOffice?: boolean;
}

/**
 * A screen whose code is loaded when it is first opened: the first chunk keeps only the shell and
 * the screens a manager opens every day (Home, New invoice, Documents).
 */
function onDemand(what: string, load: () => Promise<ComponentType>): ReactNode {
  const Screen = lazy(async () => ({ default: await load() }));
  return (
    <Suspense fallback={<Loading what={what} />}>
      <Screen />
    </Suspense>
  );
}

/** Every screen of DESIGN.md section 8, in sidebar order. */
export const screens: readonly ScreenEntry[] = [
  { path: '/home', label: 'Home', summary: 'Whether fiscalisation works, and what is left to set up', element: <HomeScreen /> },
  {
    path: '/account',
    label: 'Account',
    summary: 'Your Fiscal Harmony account, plan and billing',
    element: onDemand('the account', async () => (await import('../screens/account/account-screen')).AccountScreen),
  },
  {
    path: '/device',
    label: 'Fiscal device',
    summary: 'The fiscal device, its taxes and certificate',
    element: onDemand('the fiscal device', async () => (await import('../screens/device/device-screen')).DeviceScreen),
  },
  { path: '/new-document', label: 'New invoice', summary: 'Enter an invoice or a credit note', element: <NewDocumentScreen /> },
  { path: '/documents', label: 'Documents', summary: 'Sent documents, their status, QR codes and PDFs', element: <DocumentsScreen /> },
  {
    path: '/tills',
    label: 'Tills',
    summary: 'Every till of the shop: last copy, and what waits on it',
    element: onDemand('the tills', async () => (await import('../screens/tills/tills-screen')).TillsScreen),
    backOffice: true,
  },
  {
    path: '/import',
    label: 'Import',
    summary: 'Invoices from a spreadsheet or a till\'s export',
    element: onDemand('the import', async () => (await import('../screens/import/import-screen')).ImportScreen),
  },
  {
    path: '/mappings',
    label: 'Mappings',
    summary: 'Tax and currency mappings',
    element: onDemand('the mappings', async () => (await import('../screens/mappings/mappings-screen')).MappingsScreen),
  },
  {
    path: '/connections',
    label: 'Connections',
    summary: 'Accounts, keys and environments',
    element: onDemand('the connections', async () => (await import('../screens/connections/connections-screen')).ConnectionsScreen),
  },
  {
    path: '/settings',
    label: 'Settings',
    summary: 'Appearance and updates',
    element: onDemand('the settings', async () => (await import('../screens/settings/settings-screen')).SettingsScreen),
  },
];
