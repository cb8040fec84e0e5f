import { call } from '../../api/client';
import { formatDate, formatTime } from '../../components/format';
import { useSiteZone } from '../../components/useSiteZone';
import { useApi } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { ActionNote } from '../../components/ActionNote';
import { useAction } from '../../components/useAction';
import { useChannelForm } from '../../components/useChannelForm';

/** On a member's page: in or out now, presence history, and the kiosk PIN. */
export function MemberFrontDesk({ memberId, name }: { memberId: string; name: string }) {
  const presence = useApi('frontdesk.presence', { memberId, limit: 10 });
  const { message, act } = useAction();
  const zone = useSiteZone();
  const pin = useChannelForm('auth.setPin', {
    defaultValues: { pin: '' },
    toInput: (v: { pin: string }) => ({ memberId, pin: v.pin }),
    fallbackField: 'pin',
    onSaved: async (_saved, _values, form) => {
      form.reset();
      await act(async () => {}, `${name} can now use the kiosk with their PIN.`);
    },
  });
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
                {formatDate(p.checkedInAt)} · {p.since}
                {p.checkedOutAt ? `–${formatTime(p.checkedOutAt, zone)}` : ' – now'}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <form className="inline-form" aria-label="Kiosk PIN" noValidate onSubmit={(e) => void pin.submit(e)}>
        <TextField
          label="New kiosk PIN"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          error={pin.errorOf('pin')}
          hint="4 to 8 digits"
          {...pin.register('pin')}
        />
        <button type="submit">Set PIN</button>
      </form>
    </div>
  );
}
