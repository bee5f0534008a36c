/** The two Electron IPC channel names the preload and main use to carry the contract. */
export const invokeChannel = 'fiscal:invoke';
export const eventChannel = 'fiscal:event';
