import { ipcMain } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '@shared/contract/transport';
import type { Api } from './api';
import type { Session } from './context';
import { broadcast } from './window';

/**
 * The single IPC handler. A call is dispatched only when it comes from our own page's main
 * frame; anything else (an iframe, a page we navigated to by mistake) is refused.
 */
export function registerIpc(api: Api, isOwnPage: (url: string) => boolean): void {
  // One session per window: manager mode or kiosk, and who identified there.
  const sessions = new Map<number, Promise<Session>>();
  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isOwnPage(frame.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted from the Coopdesk page only.' } };
    }
    const key = event.sender.id;
    if (!sessions.has(key)) sessions.set(key, api.newSession());
    return api.dispatch(String(channel), input, await sessions.get(key)!);
  });
  api.subscribe((pushEvent) => broadcast(IPC_EVENT, pushEvent));
}
