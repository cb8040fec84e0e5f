import { useState } from 'react';
import { useSlot } from '../../feature';
import { formatMoney } from '@shared/domain/money';
import { formatTime, instantIso } from '../../components/format';
import { Link } from 'wouter';
import type { TodayBooking } from '@shared/contract/frontdesk.contract';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { SelectField, TextField } from '../../components/Field';
import { formatDate, downloadText } from '../../components/format';
import { MemberPicker } from '../../components/MemberPicker';
import { ActionNote } from '../../components/ActionNote';
import { useAction } from '../../components/useAction';
import { FormError } from '../../components/FormActions';
import { TimeField } from '../../components/TimeField';
import { useChannelForm } from '../../components/useChannelForm';
import { Controller } from 'react-hook-form';

/** The front desk's screen: today at the site, refreshed by itself when anything changes. */
export function TodayPage() {
  const today = useApi('frontdesk.today', {});
  const [member, setMember] = useState<{ id: string; name: string } | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const { message, act } = useAction();
  const parts = useSlot('today');
  const t = today.data;
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
          <Visitors visitors={t.visitors} date={t.date} act={act} />
          <DayPasses passes={t.dayPasses} act={act} />
          {parts.map((Part, i) => (
            <Part key={i} />
          ))}
          <div className="card card-wide" role="region" aria-label="Rooms today">
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

function Visitors({
  visitors,
  date,
  act,
}: {
  visitors: import('@shared/contract/frontdesk.contract').Visitor[];
  date: string;
  act: (w: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  const settings = useApi('settings.get', {});
  const [formKey, setFormKey] = useState(0);
  const visitor = useChannelForm('visitors.create', {
    defaultValues: { name: '', company: '', host: null as { id: string; name: string } | null, time: '10:00' },
    toInput: (v) => ({
      name: v.name,
      company: v.company,
      hostMemberId: v.host?.id ?? '',
      expectedAt: instantIso(date, v.time, settings.data?.site.timeZone ?? 'UTC'),
    }),
    fieldOf: { hostMemberId: 'host', expectedAt: 'time' },
    onSaved: async (_saved, v, form) => {
      form.reset();
      setFormKey((k) => k + 1);
      await act(async () => {}, `${v.name} is expected.`);
    },
  });
  return (
    <div className="card" role="region" aria-label="Visitors">
      <div className="card-head">
        <h2>Visitors</h2>
        <button
          type="button"
          onClick={async () => {
            const file = await call('visitors.exportDay', { date });
            downloadText(file.filename, file.csv);
          }}
        >
          Export the day
        </button>
      </div>
      <ul className="result-list">
        {visitors.map((v) => (
          <li key={v.id}>
            <span>
              {v.expectedLocal} <strong>{v.name}</strong> {v.company ? <span className="muted">({v.company})</span> : null} for {v.hostName}
              {v.leftAt ? <span className="muted small"> · left</span> : v.arrivedAt ? <span className="badge badge-active">here</span> : null}
            </span>
            {!v.arrivedAt ? (
              <button
                type="button"
                aria-label={`${v.name} arrived`}
                onClick={() => void act(() => call('visitors.arrive', { id: v.id }), `${v.name} arrived; ${v.hostName} is told.`)}
              >
                Arrived
              </button>
            ) : !v.leftAt ? (
              <button type="button" aria-label={`${v.name} left`} onClick={() => void act(() => call('visitors.leave', { id: v.id }), `${v.name} left.`)}>
                Left
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <form key={formKey} className="form compact-form" aria-label="New visitor" noValidate onSubmit={(e) => void visitor.submit(e)}>
        <div className="grid">
          <TextField label="Visitor name" error={visitor.errorOf('name')} {...visitor.register('name')} />
          <TextField label="Company" error={visitor.errorOf('company')} {...visitor.register('company')} />
          <Controller
            control={visitor.control}
            name="host"
            render={({ field }) => <MemberPicker label="Visiting" value={field.value} onChange={field.onChange} error={visitor.errorOf('host')} />}
          />
          <Controller
            control={visitor.control}
            name="time"
            render={({ field }) => (
              <TimeField label="Expected at" value={field.value} onValue={field.onChange} onBlur={field.onBlur} error={visitor.errorOf('time')} />
            )}
          />
        </div>
        <FormError message={visitor.formError} />
        <button type="submit">Add visitor</button>
      </form>
    </div>
  );
}

function DayPasses({
  passes,
  act,
}: {
  passes: import('@shared/contract/frontdesk.contract').DayPass[];
  act: (w: () => Promise<unknown>, done: string) => Promise<void>;
}) {
  const prices = (useApi('dayPasses.prices', {}).data ?? []).filter((p) => !p.archived);
  const currency = useApi('settings.get', {}).data?.coop.currency ?? 'EUR';
  const [member, setMember] = useState<{ id: string; name: string } | null>(null);
  const pass = useChannelForm('dayPasses.create', {
    defaultValues: { name: '', priceId: '', paid: true },
    toInput: (v) => ({ name: member ? '' : v.name, memberId: member?.id ?? null, priceId: v.priceId || prices[0]?.id || '', paid: v.paid }),
    onSaved: async (saved, v, form) => {
      form.reset({ ...v, name: '' });
      setMember(null);
      await act(async () => {}, `Day pass for ${saved.name} recorded${saved.deskName ? ` (${saved.deskName})` : ''}.`);
    },
  });
  const total = passes.reduce((n, p) => n + p.price, 0);
  return (
    <div className="card" role="region" aria-label="Day passes">
      <h2>
        Day passes <span className="count-badge">{passes.length}</span>
      </h2>
      <ul className="result-list">
        {passes.map((p) => (
          <li key={p.id}>
            <span>
              {p.name} · {p.priceName ? `${p.priceName}, ` : ''}
              {formatMoney(p.price, p.currency)}
              {p.deskName ? ` · ${p.deskName}` : ''}{' '}
              {p.memberId ? (
                <span className="badge">on their statement</span>
              ) : p.paid ? (
                <span className="badge badge-active">paid</span>
              ) : (
                <span className="badge badge-paused">unpaid</span>
              )}
            </span>
            {!p.paid && !p.memberId ? (
              <button type="button" onClick={() => void act(() => call('dayPasses.markPaid', { id: p.id }), `${p.name} paid.`)}>
                Mark paid
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {passes.length ? <p className="muted small">Total today: {formatMoney(total, passes[0].currency)}</p> : null}
      {prices.length === 0 ? (
        <p className="muted small">No day passes on the price list yet: the manager adds them under Plans and costs.</p>
      ) : (
        <form className="inline-form" aria-label="New day pass" noValidate onSubmit={(e) => void pass.submit(e)}>
          {member ? null : <TextField label="Drop-in name" error={pass.errorOf('name')} {...pass.register('name')} />}
          <MemberPicker label="Or a member" value={member} onChange={setMember} />
          <SelectField
            label="Pass"
            options={prices.map((p) => [p.id, `${p.name}, ${formatMoney(p.priceMinor, currency)}`] as const)}
            error={pass.errorOf('priceId')}
            {...pass.register('priceId')}
          />
          {member ? null : (
            <label className="override">
              <input type="checkbox" {...pass.register('paid')} /> Paid
            </label>
          )}
          <button type="submit">Sell day pass</button>
        </form>
      )}
      <FormError message={pass.formError} />
    </div>
  );
}
