import type { ReactNode } from 'react';
import { AccountScreen } from '../screens/account/account-screen';
import { ConnectionsScreen } from '../screens/connections/connections-screen';
import { DeviceScreen } from '../screens/device/device-screen';
import { DocumentsScreen } from '../screens/documents/documents-screen';
import { HomeScreen } from '../screens/home/home-screen';
import { MappingsScreen } from '../screens/mappings/mappings-screen';
import { NewDocumentScreen } from '../screens/new-document/new-document-screen';
import { SettingsScreen } from '../screens/settings/settings-screen';

export interface ScreenEntry {
  path: string;
  label: string;
  /** One line for the sidebar's tooltip and the screen's subtitle. */
  summary: string;
  element: ReactNode;
  /** Not built yet: the sidebar marks it "soon" (remove when the screen ships). */
  soon?: boolean;
}

/** Every screen of DESIGN.md section 8, in sidebar order. */
export const screens: readonly ScreenEntry[] = [
  { path: '/home', label: 'Home', summary: 'Whether fiscalisation works, and what is left to set up', element: <HomeScreen /> },
  { path: '/account', label: 'Account', summary: 'Your Fiscal Harmony account, plan and billing', element: <AccountScreen /> },
  { path: '/device', label: 'Fiscal device', summary: 'The fiscal device, its taxes and certificate', element: <DeviceScreen /> },
  { path: '/new-document', label: 'New invoice', summary: 'Enter an invoice or a credit note', element: <NewDocumentScreen /> },
  { path: '/documents', label: 'Documents', summary: 'Sent documents, their status, QR codes and PDFs', element: <DocumentsScreen /> },
  { path: '/mappings', label: 'Mappings', summary: 'Tax and currency mappings', element: <MappingsScreen /> },
  { path: '/connections', label: 'Connections', summary: 'Accounts, keys and environments', element: <ConnectionsScreen /> },
  { path: '/settings', label: 'Settings', summary: 'Appearance and updates', element: <SettingsScreen /> },
];
