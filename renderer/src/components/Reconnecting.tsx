import { useSyncExternalStore } from 'react';
import { connectionState, onConnection } from '../api/client';

/** Shown while the host does not answer: what was typed stays, and is sent (once) when it is back. */
export function Reconnecting() {
  const state = useSyncExternalStore(onConnection, connectionState);
  if (state === 'online') return null;
  return (
    <div className="reconnecting" role="status">
      Reconnecting… Nothing you entered is lost; it is sent once the connection is back.
    </div>
  );
}
