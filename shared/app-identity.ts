/** The app's identity, shared by the installer configuration, the keychain and the updater. */
export const appId = 'com.fiscaldesk.app';
export const productName = 'Fiscal Desk';
