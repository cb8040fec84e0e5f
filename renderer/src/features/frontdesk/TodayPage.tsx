import { Suspense, useState } from 'react';
import { lazyPage, useSlot } from '../../feature';
import { formatTime } from '../../components/format';
import { Link } from 'wouter';
import type { TodayBooking } from '@shared/contract/frontdesk.contract';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { formatDate } from '../../components/format';
import { MemberPicker } from '../../components/MemberPicker';
import { ActionNote } from '../../components/ActionNote';
import { useAction } from '../../components/useAction';
import { useAfterPaint } from '../../components/useAfterPaint';

const Visitors = lazyPage(() => import('./TodayForms'), 'Visitors');
const DayPasses = lazyPage(() => import('./TodayForms'), 'DayPasses');

/** The front desk's screen: today at the site, refreshed by itself when anything changes. */
export function TodayPage() {
  const today = useApi('frontdesk.today', {});
  const [member, setMember] = useState<{ id: string; name: string } | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const { message, act } = useAction();
  const parts = useSlot('today');
  const t = today.data;
  // the forms' code is asked for once Today is on screen: its arrival would delay that paint
  const formsDue = useAfterPaint(t !== undefined);
  const checkIn = (id: string, name: string) => act(() => call('frontdesk.checkIn', { memberId: id }), `${name} checked in.`);

  return (
    <section className="page" aria-labelledby="today-title">
      <header className="page-header">
        <div>
          <h1 id="today-title">Today{t ? ` · ${formatDate(t.date)}` : ''}</h1>
          <p className="subtitle">{t ? `${t.siteName} · ${t.opens ? `open ${t.opens}–${t.closes}` : 'closed today'} · ${t.timeZone}` : ''}</p>
        </div>
        <form
          className="inline-form"
          aria-label="Check a member in"
          onSubmit={(e) => {
            e.preventDefault();
            if (member)
              void checkIn(member.id, member.name).then(() => {
                setMember(null);
                setPickerKey((k) => k + 1);
              });
          }}
        >
          <MemberPicker key={pickerKey} label="Check in a member" value={member} onChange={setMember} />
          <button type="submit" className="button-primary" disabled={!member}>
            Check in
          </button>
        </form>
      </header>
      <ActionNote message={message} />
      {t ? (
        <div className="today-grid">
          <div className="card" role="region" aria-label="In now">
            <h2>
              In now <span className="count-badge">{t.present.length}</span>
            </h2>
            <ul className="result-list">
              {t.present.map((p) => (
                <li key={p.id}>
                  <span>
                    <Link href={`/members/${p.memberId}`}>{p.name}</Link> <span className="muted small">since {p.since}</span>
                  </span>
                  <button
                    type="button"
                    aria-label={`Check out ${p.name}`}
                    onClick={() => void act(() => call('frontdesk.checkOut', { memberId: p.memberId }), `${p.name} checked out.`)}
                  >
                    Check out
                  </button>
                </li>
              ))}
            </ul>
            {t.present.length === 0 ? <p className="muted">Nobody yet.</p> : null}
          </div>
          <div className="card" role="region" aria-label="Expected">
            <h2>Expected</h2>
            <BookingList title="Booked, not here yet" items={t.late} onCheckIn={checkIn} />
            <BookingList title="Arriving within the hour" items={t.arriving} onCheckIn={checkIn} />
            <p className="muted small">
              Desks: {t.desks.freeNow} of {t.desks.total} free now, {t.desks.freeRestOfDay} free for the rest of the day.
            </p>
          </div>
          <Suspense fallback={<CardComing title="Visitors" />}>
            {formsDue ? <Visitors visitors={t.visitors} date={t.date} act={act} /> : <CardComing title="Visitors" />}
          </Suspense>
          <Suspense fallback={<CardComing title="Day passes" />}>
            {formsDue ? <DayPasses passes={t.dayPasses} act={act} /> : <CardComing title="Day passes" />}
          </Suspense>
          {parts.map((Part, i) => (
            <Part key={i} />
          ))}
          <div className="card card-wide today-rooms" role="region" aria-label="Rooms today">
            <h2>Rooms today</h2>
            <table className="data-table compact">
              <tbody>
                {t.rooms.map((r) => (
                  <tr key={r.bookableId}>
                    <th scope="row">{r.name}</th>
                    <td>
                      {r.bookings.length === 0 ? (
                        <span className="muted">free all day</span>
                      ) : (
                        r.bookings.map((b) => `${b.localStart}–${b.localEnd} ${b.who}${b.title ? ` (${b.title})` : ''}`).join(' · ')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {t.lockouts.length > 0 ? (
            <div className="card" role="region" aria-label="Sign-in lockouts">
              <h2>Locked out</h2>
              <ul className="result-list">
                {t.lockouts.map((l) => (
                  <li key={`${l.scope} ${l.key}`}>
                    <span>
                      {l.label}{' '}
                      <span className="muted small">
                        until {formatTime(l.lockedUntil, t.timeZone)}
                        {l.refused > 0 ? ` · ${l.refused} ${l.refused === 1 ? 'try' : 'tries'} refused since` : ''}
                      </span>
                    </span>
                    <button
                      type="button"
                      aria-label={`Unlock ${l.label}`}
                      onClick={() => void act(() => call('auth.clearLockout', { scope: l.scope, key: l.key }), `Unlocked ${l.label}.`)}
                    >
                      Unlock
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function BookingList({ title, items, onCheckIn }: { title: string; items: TodayBooking[]; onCheckIn: (id: string, name: string) => Promise<void> }) {
  return (
    <>
      <h3>{title}</h3>
      {items.length === 0 ? <p className="muted small">None.</p> : null}
      <ul className="result-list">
        {items.map((b) => (
          <li key={b.bookingId}>
            <span>
              {b.localStart} {b.who} <span className="muted small">{b.bookableName}</span>
            </span>
            {b.memberId ? (
              <button type="button" onClick={() => void onCheckIn(b.memberId!, b.who)}>
                Check in
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A card's place and title while its code arrives, so the cards after it do not jump. */
function CardComing({ title }: { title: string }) {
  return (
    <div className="card" aria-busy="true">
      <h2>{title}</h2>
    </div>
  );
}
