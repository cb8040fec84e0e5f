import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Route, Switch } from 'wouter';
import { zonedParts } from '../../../../shared/domain/zoned';
import { ApiCallError, call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { TextField } from '../../components/Field';
import { ActionNote } from '../../components/ActionNote';
import { useAction } from '../../components/useAction';
import { MemberBids } from '../bids/BidCards';
import { BidRoutes } from '../bids/BidRoutes';
import { BookingDetailsById } from '../bookings/BookingDetails';
import { BookingDialog, type BookingDraft } from '../bookings/BookingDialog';
import { MemberBookings } from '../bookings/MemberBookings';
import { UnlockDialog } from './UnlockDialog';
import { useAuth } from './useAuth';

/** Members serve themselves: identify with number (or name) and PIN, then book, check in or out, see their bookings. */
export function KioskApp() {
  const auth = useAuth();
  const [unlocking, setUnlocking] = useState(false);
  const member = auth.data?.member ?? null;
  return (
    <div className="kiosk">
      <header className="kiosk-header">
        <span className="brand-name">Coopdesk</span>
        <span className="muted">Self-service</span>
        {member ? (
          <nav aria-label="Kiosk" className="kiosk-nav">
            <Link href="/">Home</Link>
            <Link href="/bids">Joint bids</Link>
          </nav>
        ) : null}
        <button type="button" className="kiosk-manager" onClick={() => setUnlocking(true)}>
          Manager
        </button>
      </header>
      <main id="main" className="kiosk-main">
        {member ? (
          <Switch>
            <Route path="/bids/*?">{() => <BidRoutes />}</Route>
            <Route>{() => <MemberHome member={member} />}</Route>
          </Switch>
        ) : (
          <Identify />
        )}
      </main>
      {unlocking ? <UnlockDialog onClose={() => setUnlocking(false)} /> : null}
    </div>
  );
}

function Identify() {
  const queryClient = useQueryClient();
  const [who, setWho] = useState('');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <form
      className="card kiosk-card form"
      aria-labelledby="identify-title"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await call('auth.identify', { who, pin });
          setErrors({});
          await queryClient.invalidateQueries();
        } catch (err) {
          if (!(err instanceof ApiCallError)) throw err;
          setPin('');
          setErrors({ ...err.fields, ...(Object.keys(err.fields).length ? {} : { pin: err.message }) });
        }
      }}
    >
      <h1 id="identify-title">Welcome — who are you?</h1>
      <TextField label="Member number or name" autoFocus autoComplete="off" value={who} onChange={(e) => setWho(e.target.value)} error={errors.who} />
      <TextField label="PIN" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} error={errors.pin} />
      <button type="submit" className="button-primary">
        Continue
      </button>
    </form>
  );
}

function MemberHome({ member }: { member: { id: string; name: string } }) {
  const queryClient = useQueryClient();
  const settings = useApi('settings.get', {});
  const [openedAt] = useState(() => Date.now());
  const [day, setDay] = useState('');
  const bookables = useApi('bookables.list', {});
  const presence = useApi('frontdesk.presence', { memberId: member.id, limit: 1 });
  const shownDay = day || zonedParts(openedAt, settings.data?.site.timeZone ?? 'UTC').date;
  const board = useApi('bookings.dayBoard', { date: shownDay }, { enabled: Boolean(settings.data) });
  const [draft, setDraft] = useState<BookingDraft | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const { message, act } = useAction();
  const zone = settings.data?.site.timeZone ?? 'UTC';
  const inNow = presence.data?.[0] && !presence.data[0].checkedOutAt;

  return (
    <div className="stack kiosk-home">
      <header className="page-header">
        <h1>Hello, {member.name}</h1>
        <div className="actions">
          {inNow ? (
            <button type="button" onClick={() => void act(() => call('frontdesk.checkOut', { memberId: member.id }), 'Checked out. See you soon!')}>
              Check out
            </button>
          ) : (
            <button type="button" className="button-primary" onClick={() => void act(() => call('frontdesk.checkIn', { memberId: member.id }), 'Checked in. Welcome!')}>
              Check in
            </button>
          )}
          <button
            type="button"
            className="button-primary"
            disabled={!bookables.data?.length}
            onClick={() => bookables.data && setDraft({ bookableId: bookables.data[0].id, date: zonedParts(openedAt, zone).date, startTime: '10:00', endTime: '11:00', member })}
          >
            Book a desk or room
          </button>
          <button type="button" onClick={() => void call('auth.signOut', {}).then(() => queryClient.invalidateQueries())}>
            Sign out
          </button>
        </div>
      </header>
      <ActionNote message={message} />
      <MemberBids memberId={member.id} invitationsOnly />
      <MemberBookings memberId={member.id} />
      {board.data ? (
        <div className="card" role="region" aria-label="Bookings at the co-op">
          <div className="card-head">
            <h2>Bookings at {board.data.siteName}</h2>
            <input type="date" aria-label="Day" value={shownDay} onChange={(e) => setDay(e.target.value)} />
          </div>
          {board.data.bookings.length === 0 ? <p className="muted">No bookings that day.</p> : null}
          <ul className="result-list">
            {board.data.bookings.map((b) => (
              <li key={b.id}>
                <span>
                  {b.localStart}–{b.localEnd} · {board.data!.bookables.find((x) => x.id === b.bookableId)?.name} · {b.memberName ?? b.guestName}
                </span>
                <button type="button" aria-label={`Open ${b.localStart} ${b.memberName ?? b.guestName}`} onClick={() => setOpened(b.id)}>
                  Open
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {draft && bookables.data ? <BookingDialog draft={draft} bookables={bookables.data} timeZone={zone} fixedMember onClose={() => setDraft(null)} /> : null}
      {opened ? <BookingDetailsById id={opened} onClose={() => setOpened(null)} /> : null}
    </div>
  );
}
