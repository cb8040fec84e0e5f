import { contextBridge, ipcRenderer } from 'electron';
import { type CoopdeskBridge, IPC_EVENT, IPC_INVOKE } from '@shared/contract/transport';

/** Exposes exactly `invoke` and `on` to the page; nothing of Node or Electron leaks through. */
const bridge: CoopdeskBridge = {
  invoke: (channel, input) => ipcRenderer.invoke(IPC_INVOKE, String(channel), input),
  on: (listener) => {
    const handler = (_event: unknown, pushEvent: unknown) => listener(String(pushEvent));
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
};

contextBridge.exposeInMainWorld('coopdesk', bridge);
