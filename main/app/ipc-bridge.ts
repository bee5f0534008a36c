import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { EventBus } from '../events/event-bus';
import type { Router, SenderInfo } from '../ipc/router';
import { eventChannel, invokeChannel } from '../../shared/contract/transport';


function senderOf(event: IpcMainInvokeEvent, windows: () => readonly BrowserWindow[]): SenderInfo {
  const frame = event.senderFrame;
  const fromOurWindow = windows().some((window) => !window.isDestroyed() && window.webContents.id === event.sender.id);
  return {
    // A call from a webContents that is not one of our windows gets no URL, so the policy refuses it.
    url: fromOurWindow && frame !== null ? frame.url : '',
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
  };
}

/** The only ipcMain handler: every call goes through the router, which checks sender and input. */
export function connectIpc(router: Router, events: EventBus, windows: () => readonly BrowserWindow[]): () => void {
  ipcMain.handle(invokeChannel, (event, channel: unknown, input: unknown) =>
    router.dispatch(typeof channel === 'string' ? channel : '', input, senderOf(event, windows)),
  );
  const unsubscribe = events.subscribe((name, payload) => {
    for (const window of windows()) if (!window.isDestroyed()) window.webContents.send(eventChannel, name, payload);
  });
  return () => {
    ipcMain.removeHandler(invokeChannel);
    unsubscribe();
  };
}
