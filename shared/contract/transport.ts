/** The only two IPC channel names between the desktop app's main process and its page. */
export const IPC_INVOKE = 'coopdesk:invoke';
export const IPC_EVENT = 'coopdesk:event';

/** What the preload exposes as `window.coopdesk`, and nothing else. */
export interface CoopdeskBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(listener: (event: string) => void): () => void;
}
