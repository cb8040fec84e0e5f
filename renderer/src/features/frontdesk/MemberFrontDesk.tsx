import { useState } from 'react';
import { ApiCallError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { ActionNote } from '../../components/ActionNote';
import { useAction } from '../../components/useAction';

/** On a member's page: in or out now, presence history, and the kiosk PIN. */
export function MemberFrontDesk({ memberId, name }: { memberId: string; name: string }) {
  const presence = useApi('frontdesk.presence', { memberId, limit: 10 });
  const [pin, setPin] = useState('');
  const { message, act } = useAction();
  const [pinError, setPinError] = useState<string | undefined>();
  const rows = presence.data ?? [];
  const inNow = rows[0] && !rows[0].checkedOutAt;

  return (
    <div className="card" role="region" aria-label="Front desk">
      <div className="card-head">
        <h2>Front desk</h2>
        {inNow ? (
          <button type="button" onClick={() => void act(() => call('frontdesk.checkOut', { memberId }), `${name} checked out.`)}>
            Check out
          </button>
        ) : (
          <button type="button" className="button-primary" onClick={() => void act(() => call('frontdesk.checkIn', { memberId }), `${name} checked in.`)}>
            Check in
          </button>
        )}
      </div>
      <ActionNote message={message} />
      <p className="muted small">{inNow ? `In since ${rows[0].since}.` : 'Not in.'}</p>
      {rows.length > 0 ? (
        <ul className="closure-list" aria-label="Presence history">
          {rows.map((p) => (
            <li key={p.id}>
              <span>
                {new Date(p.checkedInAt).toLocaleDateString(undefined, { dateStyle: 'medium' })} · {p.since}
                {p.checkedOutAt ? `–${new Date(p.checkedOutAt).toLocaleTimeString(undefined, { timeStyle: 'short' })}` : ' – now'}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="inline-form"
        aria-label="Kiosk PIN"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await call('auth.setPin', { memberId, pin });
            setPin('');
            setPinError(undefined);
            await act(async () => {}, `${name} can now use the kiosk with their PIN.`);
          } catch (err) {
            if (!(err instanceof ApiCallError)) throw err;
            setPinError(err.fields.pin ?? err.message);
          }
        }}
      >
        <TextField label="New kiosk PIN" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} error={pinError} hint="4 to 8 digits" />
        <button type="submit">Set PIN</button>
      </form>
    </div>
  );
}
