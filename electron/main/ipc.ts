import { ipcMain } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/contract/transport';
import type { Api } from './api';
import { FRONT_DESK } from './context';
import { broadcast } from './window';

/**
 * The single IPC handler. A call is dispatched only when it comes from our own page's main
 * frame; anything else (an iframe, a page we navigated to by mistake) is refused.
 */
export function registerIpc(api: Api, isOwnPage: (url: string) => boolean): void {
  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isOwnPage(frame.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted from the Coopdesk page only.' } };
    }
    return api.dispatch(String(channel), input, FRONT_DESK);
  });
  api.subscribe((pushEvent) => broadcast(IPC_EVENT, pushEvent));
}
