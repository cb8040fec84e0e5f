import type { ActionMessage } from './useAction';

/** How the last one-click action went: a calm note, or an alert when it was refused. */
export function ActionNote({ message }: { message: ActionMessage | null }) {
  if (!message) return null;
  return (
    <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'notice'}>
      {message.text}
    </p>
  );
}
